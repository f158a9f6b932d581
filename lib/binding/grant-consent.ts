import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { CONSENT_TEXT_VERSION } from "./consent";
import { latestConsent, lockBoundBinding } from "./consent-records";
import type { GrantConsentInput } from "./schemas";

/**
 * A bound student who withdrew consent agrees again, to the current text, from their settings: a GRANTED record for
 * the bound openid, and pushes resume. The tick and the version shown are checked as on the bind page. Agreeing when
 * consent to this version stands records nothing more.
 */
export async function grantConsent(actor: Actor, input: GrantConsentInput): Promise<void> {
  if (input.consent !== "on") throw new AppError("binding.consent_required");
  if (input.consentTextVersion !== CONSENT_TEXT_VERSION) throw new AppError("binding.consent_outdated");
  await db.$transaction(async (tx) => {
    const mine = await lockBoundBinding(tx, actor.id);
    const latest = await latestConsent(tx, actor.id, mine.openid);
    if (latest?.action === "GRANTED" && latest.textVersion === CONSENT_TEXT_VERSION) return;
    await tx.wechatConsent.create({ data: { userId: actor.id, openid: mine.openid, textVersion: CONSENT_TEXT_VERSION, action: "GRANTED" } });
  });
}
