import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordWithdrawal } from "./bind-wechat";
import { lockBoundBinding } from "./consent-records";

/**
 * The student unbinds WeChat in their settings: status UNBOUND and a WITHDRAWN consent record (unless consent was
 * withdrawn already), in one transaction. Pushes stop at once (the dispatcher asks pushEligibility before every send)
 * and WeChat no longer signs the student in. The binding row and every consent record stay as the history of what
 * was agreed and withdrawn.
 */
export async function unbindWechat(actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const mine = await tx.wechatBinding.findUnique({ where: { userId: actor.id } });
    if (!mine) throw new AppError("binding.not_bound");
    // Conditional on the status, so that two clicks at once record one withdrawal.
    const { count } = await tx.wechatBinding.updateMany({
      where: { id: mine.id, status: { not: "UNBOUND" } },
      data: { status: "UNBOUND", statusReason: "unbound" },
    });
    if (count === 0) throw new AppError("binding.not_bound");
    await recordWithdrawal(tx, actor.id, mine.openid);
  });
}

/**
 * The student withdraws consent but stays bound: a WITHDRAWN record, nothing else. Pushes stop at once (no_consent),
 * and WeChat no longer signs them in or takes their replies (findActiveBindingByOpenid wants consent); preferences
 * and quiet hours stay, and agreeing again (grantConsent) resumes pushes. Withdrawing again records nothing more.
 */
export async function withdrawConsent(actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const mine = await lockBoundBinding(tx, actor.id);
    await recordWithdrawal(tx, actor.id, mine.openid);
  });
}
