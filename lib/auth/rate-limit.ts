import { db } from "@/lib/db";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Password guesses on one account: failures since the account's last successful sign-in. */
export const LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;
/**
 * Failures from one address, whoever they were for. A campus or dormitory NAT puts hundreds of students behind one
 * address: a class signing in at once makes a few typos and, while their passwords are being checked, a few dozen
 * attempts in flight (each counts as a failure until it succeeds), far below this. Spraying one password over many
 * accounts from one address still stops here. Successes do not reset it: anyone with one account could otherwise
 * wipe the count between rounds of guesses.
 */
export const LOGIN_MAX_FAILURES_PER_IP = 100;

/**
 * True when the account or the IP has used up its failures within the window (see the limits above). Kept in the
 * database so that every app instance sees the same count.
 */
export async function isLoginBlocked(no: string, ip: string, now = new Date()): Promise<boolean> {
  const failures = await failureCounts(no, ip, now);
  return failures.byAccount >= LOGIN_MAX_FAILURES_PER_ACCOUNT || failures.byIp >= LOGIN_MAX_FAILURES_PER_IP;
}

/**
 * Starts a sign-in attempt by recording it as failed before the password is checked: attempts running in parallel
 * then count against each other (checking first and recording after the slow hash let any number through).
 * Returns the attempt's id, or null, keeping nothing, when this attempt is over a limit.
 */
export async function startLoginAttempt(no: string, ip: string): Promise<string | null> {
  const key = { no: no.slice(0, 64), ip: ip.slice(0, 64) };
  const { id } = await db.loginAttempt.create({ data: { ...key, success: false }, select: { id: true } });
  const failures = await failureCounts(key.no, key.ip);
  if (failures.byAccount <= LOGIN_MAX_FAILURES_PER_ACCOUNT && failures.byIp <= LOGIN_MAX_FAILURES_PER_IP) return id;
  await db.loginAttempt.delete({ where: { id } });
  return null;
}

export async function markLoginSucceeded(attemptId: string): Promise<void> {
  await db.loginAttempt.update({ where: { id: attemptId }, data: { success: true } });
}

async function failureCounts(no: string, ip: string, now = new Date()): Promise<{ byAccount: number; byIp: number }> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const [byAccount, byIp] = await Promise.all([accountFailuresSince(no.slice(0, 64), since), ipFailuresSince(ip.slice(0, 64), since)]);
  return { byAccount, byIp };
}

async function accountFailuresSince(no: string, since: Date): Promise<number> {
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { no, success: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return db.loginAttempt.count({ where: { no, success: false, createdAt: { gte: lastSuccess?.createdAt ?? since } } });
}

function ipFailuresSince(ip: string, since: Date): Promise<number> {
  return db.loginAttempt.count({ where: { ip, success: false, createdAt: { gte: since } } });
}
