import { db } from "@/lib/db";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES = 5;

/**
 * True when the account or the IP has had LOGIN_MAX_FAILURES failed sign-ins within the window, counting only
 * failures after that key's last success. Kept in the database so that every app instance sees the same count.
 */
export async function isLoginBlocked(no: string, ip: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const [byAccount, byIp] = await Promise.all([failuresSince({ no }, since), failuresSince({ ip }, since)]);
  return byAccount >= LOGIN_MAX_FAILURES || byIp >= LOGIN_MAX_FAILURES;
}

async function failuresSince(key: { no: string } | { ip: string }, since: Date): Promise<number> {
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { ...key, success: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return db.loginAttempt.count({
    where: { ...key, success: false, createdAt: { gte: lastSuccess?.createdAt ?? since } },
  });
}

export async function recordLoginAttempt(no: string, ip: string, success: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { no: no.slice(0, 64), ip: ip.slice(0, 64), success } });
}
