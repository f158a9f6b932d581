import { type Tx, db } from "@/lib/db";
import type { PushKind } from "@/lib/wechat/push-kinds";
import type { QuietHours } from "./quiet-hours";

export type PushSkipReason = "not_bound" | "no_consent" | "unsubscribed" | "unreachable" | "preference_off";

export type PushEligibility =
  | { ok: true; openid: string; quietHours: QuietHours }
  | { ok: false; reason: PushSkipReason };

/**
 * Whether a push of this kind may go to these users now, and to which openid. The first reason that applies wins:
 * no binding (or unbound by the student) → not_bound; consent withdrawn (still bound), or no GRANTED record for the
 * bound openid → no_consent; unfollowed → unsubscribed; WeChat refused the openid → unreachable; kind switched off →
 * preference_off (no preference row means on). Three queries whatever the number of users.
 */
export async function pushEligibilities(userIds: readonly string[], kind: PushKind, client: Tx = db): Promise<Map<string, PushEligibility>> {
  const ids = [...new Set(userIds)];
  const [bindings, consents, switchedOff] = await Promise.all([
    client.wechatBinding.findMany({ where: { userId: { in: ids } } }),
    client.wechatConsent.findMany({
      where: { userId: { in: ids } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { userId: true, openid: true, action: true },
    }),
    client.notificationPreference.findMany({ where: { userId: { in: ids }, kind, enabled: false }, select: { userId: true } }),
  ]);
  const bindingOf = new Map(bindings.map((binding) => [binding.userId, binding]));
  const latestConsentOf = new Map<string, (typeof consents)[number]>();
  for (const consent of consents) {
    const key = `${consent.userId}\u0000${consent.openid}`;
    if (!latestConsentOf.has(key)) latestConsentOf.set(key, consent);
  }
  const off = new Set(switchedOff.map((row) => row.userId));

  const decide = (userId: string): PushEligibility => {
    const binding = bindingOf.get(userId);
    if (!binding) return { ok: false, reason: "not_bound" };
    if (binding.status === "UNBOUND") return { ok: false, reason: "not_bound" };
    if (latestConsentOf.get(`${userId}\u0000${binding.openid}`)?.action !== "GRANTED") return { ok: false, reason: "no_consent" };
    if (!binding.subscribed) return { ok: false, reason: "unsubscribed" };
    if (binding.status === "UNREACHABLE") return { ok: false, reason: "unreachable" };
    if (off.has(userId)) return { ok: false, reason: "preference_off" };
    return {
      ok: true,
      openid: binding.openid,
      quietHours: { quietStartMinute: binding.quietStartMinute, quietEndMinute: binding.quietEndMinute },
    };
  };
  return new Map(ids.map((userId) => [userId, decide(userId)]));
}

/** pushEligibilities for one user. */
export async function pushEligibility(userId: string, kind: PushKind, client: Tx = db): Promise<PushEligibility> {
  return (await pushEligibilities([userId], kind, client)).get(userId)!;
}
