import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordWithdrawal } from "./bind-wechat";

/** Why a binding is UNBOUND, kept in statusReason. */
export type UnbindReason = "unbound" | "consent_withdrawn";

/**
 * Ends the actor's binding: status UNBOUND and a WITHDRAWN consent record, in one transaction. Pushes stop at once
 * (the dispatcher asks pushEligibility before every send) and WeChat no longer signs the student in. The binding row
 * and every consent record stay as the history of what was agreed and withdrawn.
 */
async function endBinding(actor: Actor, reason: UnbindReason): Promise<void> {
  await db.$transaction(async (tx) => {
    const mine = await tx.wechatBinding.findUnique({ where: { userId: actor.id } });
    if (!mine) throw new AppError("binding.not_bound");
    // Conditional on the status, so that two clicks at once record one withdrawal.
    const { count } = await tx.wechatBinding.updateMany({
      where: { id: mine.id, status: { not: "UNBOUND" } },
      data: { status: "UNBOUND", statusReason: reason },
    });
    if (count === 0) throw new AppError("binding.not_bound");
    await recordWithdrawal(tx, actor.id, mine.openid);
  });
}

/** The student unbinds WeChat in their settings. */
export const unbindWechat = (actor: Actor): Promise<void> => endBinding(actor, "unbound");

/** The student withdraws consent to pushes; without consent nothing stays bound. */
export const withdrawConsent = (actor: Actor): Promise<void> => endBinding(actor, "consent_withdrawn");
