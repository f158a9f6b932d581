import type { ConsentAction, WechatBinding } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import type { PushKind } from "@/lib/wechat/push-kinds";
import { pushKindsFor } from "./push-kinds-for";

/**
 * What the student is told about their binding, each state with an explanation. "withdrawn": still bound, but the
 * student withdrew consent, so nothing is sent until they agree again.
 */
export type BindingState = "active" | "unsubscribed" | "unreachable" | "withdrawn" | "unbound";

export function bindingStateOf(binding: Pick<WechatBinding, "status" | "subscribed">, consentStands: boolean): BindingState {
  if (binding.status === "UNBOUND") return "unbound";
  if (!consentStands) return "withdrawn";
  if (binding.status === "UNREACHABLE") return "unreachable";
  return binding.subscribed ? "active" : "unsubscribed";
}

/** The last characters of an openid: enough for a student to tell two WeChat accounts apart in their history. */
export const openidTail = (openid: string): string => openid.slice(-4);

export interface WechatSettings {
  binding: {
    state: BindingState;
    nickname: string | null;
    avatarUrl: string | null;
    boundAt: Date;
    quietStartMinute: number;
    quietEndMinute: number;
  } | null;
  /** The kinds the actor can receive, each on or off (no row means on). */
  preferences: { kind: PushKind; enabled: boolean }[];
  consents: { id: string; action: ConsentAction; textVersion: string; openidTail: string; createdAt: Date }[];
}

/** The actor's own binding, preferences and consent history (newest first). Never another user's. */
export async function getWechatSettings(actor: Actor): Promise<WechatSettings> {
  const [binding, rows, consents] = await Promise.all([
    db.wechatBinding.findUnique({ where: { userId: actor.id } }),
    db.notificationPreference.findMany({ where: { userId: actor.id } }),
    db.wechatConsent.findMany({ where: { userId: actor.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
  ]);
  const enabledOf = new Map(rows.map((row) => [row.kind, row.enabled]));
  // Newest first: the first record for the bound openid says whether consent stands.
  const consentStands = consents.find((consent) => consent.openid === binding?.openid)?.action === "GRANTED";
  return {
    binding: binding && {
      state: bindingStateOf(binding, consentStands),
      nickname: binding.nickname,
      avatarUrl: binding.avatarUrl,
      boundAt: binding.boundAt,
      quietStartMinute: binding.quietStartMinute,
      quietEndMinute: binding.quietEndMinute,
    },
    preferences: pushKindsFor(actor.role).map((kind) => ({ kind, enabled: enabledOf.get(kind) ?? true })),
    consents: consents.map((consent) => ({
      id: consent.id,
      action: consent.action,
      textVersion: consent.textVersion,
      openidTail: openidTail(consent.openid),
      createdAt: consent.createdAt,
    })),
  };
}
