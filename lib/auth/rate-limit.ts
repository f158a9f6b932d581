import { db } from "@/lib/db";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES = 5;

/**
 * True when the account or the IP has had LOGIN_MAX_FAILURES failed sign-ins within the window, counting only
 * failures after that key's last success. Kept in the database so that every app instance sees the same count.
 */
export async function isLoginBlocked(no: string, ip: string, now = new Date()): Promise<boolean> {
  return (await failureCounts(no, ip, now)) >= LOGIN_MAX_FAILURES;
}

/**
 * Starts a sign-in attempt by recording it as failed before the password is checked: attempts running in parallel
 * then count against each other (checking first and recording after the slow hash let any number through).
 * Returns the attempt's id, or null, keeping nothing, when this attempt is over the limit.
 */
export async function startLoginAttempt(no: string, ip: string): Promise<string | null> {
  const { id } = await db.loginAttempt.create({ data: { no: no.slice(0, 64), ip: ip.slice(0, 64), success: false }, select: { id: true } });
  if ((await failureCounts(no, ip)) <= LOGIN_MAX_FAILURES) return id;
  await db.loginAttempt.delete({ where: { id } });
  return null;
}

export async function markLoginSucceeded(attemptId: string): Promise<void> {
  await db.loginAttempt.update({ where: { id: attemptId }, data: { success: true } });
}

/** The larger of the account's and the IP's failure counts. */
async function failureCounts(no: string, ip: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const [byAccount, byIp] = await Promise.all([failuresSince({ no: no.slice(0, 64) }, since), failuresSince({ ip: ip.slice(0, 64) }, since)]);
  return Math.max(byAccount, byIp);
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
