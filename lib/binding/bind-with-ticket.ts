import { loadActor } from "@/lib/auth/actor";
import { signInWithPassword } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { bindWechat } from "./bind-wechat";
import { CONSENT_TEXT_VERSION } from "./consent";
import { type BindTicket, openBindTicket } from "./oauth-flow";
import type { BindWechatFormInput } from "./schemas";
import type { SealOptions } from "./sealed-cookie";

/**
 * The bind page's submission: the openid comes only from this browser's bind ticket (sealed by the OAuth callback),
 * never from the form. Consent is checked before the password so that a forgotten tick costs no sign-in attempt;
 * the password goes through signInWithPassword and its rate limit. A ticket is spent once consent has been granted
 * with it, so a copied ticket cannot bind the openid again.
 */
export async function bindWithTicket(
  input: BindWechatFormInput,
  ticketCookie: string | undefined,
  ip: string,
  options: SealOptions = {},
): Promise<{ userId: string; next: string }> {
  const ticket = openBindTicket(ticketCookie, options);
  if (!ticket) throw new AppError("binding.expired");
  if (input.consent !== "on") throw new AppError("binding.consent_required");
  if (input.consentTextVersion !== CONSENT_TEXT_VERSION) throw new AppError("binding.consent_outdated");
  const user = await signInWithPassword({ no: input.no, password: input.password }, ip);
  const actor = await loadActor(user.id, user.sessionVersion);
  if (!actor) throw new AppError("auth.invalid_credentials");
  if (await isSpent(ticket)) throw new AppError("binding.expired");
  await bindWechat(actor, {
    openid: ticket.openid,
    nickname: ticket.nickname,
    avatarUrl: ticket.avatarUrl,
    consentTextVersion: input.consentTextVersion,
  });
  return { userId: actor.id, next: ticket.next };
}

async function isSpent(ticket: BindTicket): Promise<boolean> {
  const granted = await db.wechatConsent.findFirst({
    where: { openid: ticket.openid, action: "GRANTED", createdAt: { gte: new Date(ticket.iat) } },
    select: { id: true },
  });
  return granted !== null;
}
