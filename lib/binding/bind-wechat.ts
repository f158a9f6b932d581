import type { WechatBinding } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/authz";
import { type Tx, db } from "@/lib/db";
import { AppError, prismaCodeOf } from "@/lib/errors";
import { latestConsent } from "./consent-records";
import { CONSENT_TEXT_VERSION } from "./consent";
import { type BindWechatInput, BindWechatSchema } from "./schemas";

/**
 * Binds the actor's account to a WeChat openid the OAuth exchange proved, recording their consent to the current
 * consent text in the same transaction: without that record nothing is bound. One openid belongs to one account:
 * an openid another account holds (not unbound) is `binding.openid_taken`. Binding a new openid replaces the
 * actor's old one, withdrawing the consent given for it; quiet hours and preferences carry over.
 */
export async function bindWechat(actor: Actor, input: BindWechatInput): Promise<WechatBinding> {
  const { openid, nickname, avatarUrl, consentTextVersion } = BindWechatSchema.parse(input);
  if (consentTextVersion !== CONSENT_TEXT_VERSION) throw new AppError("binding.consent_outdated");
  try {
    return await db.$transaction(async (tx) => {
      const holder = await tx.wechatBinding.findUnique({ where: { openid } });
      if (holder && holder.userId !== actor.id) {
        if (holder.status !== "UNBOUND") throw new AppError("binding.openid_taken");
        // What is left of someone's withdrawn binding; their consent records stay.
        await tx.wechatBinding.delete({ where: { id: holder.id } });
      }
      const mine = await tx.wechatBinding.findUnique({ where: { userId: actor.id } });
      const sameOpenid = mine?.openid === openid && mine.status !== "UNBOUND";
      if (mine && mine.status !== "UNBOUND" && mine.openid !== openid) await recordWithdrawal(tx, actor.id, mine.openid);
      // Nickname and avatar only when the student chose to show them this time (snsapi_userinfo).
      const profile = { nickname: nickname || null, avatarUrl: avatarUrl ?? null };
      const binding = mine
        ? await tx.wechatBinding.update({
            where: { id: mine.id },
            data: {
              openid,
              ...profile,
              status: "ACTIVE",
              statusReason: null,
              subscribed: mine.openid === openid ? mine.subscribed : true,
              boundAt: sameOpenid ? mine.boundAt : new Date(),
            },
          })
        : await tx.wechatBinding.create({ data: { userId: actor.id, openid, ...profile } });
      await tx.wechatConsent.create({ data: { userId: actor.id, openid, textVersion: consentTextVersion, action: "GRANTED" } });
      return binding;
    });
  } catch (error) {
    // Two accounts binding the same openid at once: the unique index lets one win.
    if (prismaCodeOf(error) === "P2002") throw new AppError("binding.openid_taken");
    throw error;
  }
}

/**
 * Appends a WITHDRAWN record for the consent given to this openid, naming the text version that was withdrawn;
 * nothing when there is no standing consent to withdraw (withdrawn already, then unbound).
 */
export async function recordWithdrawal(tx: Tx, userId: string, openid: string): Promise<void> {
  const latest = await latestConsent(tx, userId, openid);
  if (latest?.action !== "GRANTED") return;
  await tx.wechatConsent.create({ data: { userId, openid, textVersion: latest.textVersion, action: "WITHDRAWN" } });
}
