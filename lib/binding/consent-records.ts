import type { WechatBinding, WechatConsent } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** The newest consent record of a user for one openid: whether that is GRANTED decides whether consent stands. */
export function latestConsent(client: Tx, userId: string, openid: string): Promise<WechatConsent | null> {
  return client.wechatConsent.findFirst({
    where: { userId, openid },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}

/**
 * The user's binding, unless there is none or it is unbound (binding.not_bound), locked for the rest of the
 * transaction (the update takes the row lock on PostgreSQL), so that two consent changes at once are decided one
 * after the other and each sees the record the other wrote.
 */
export async function lockBoundBinding(tx: Tx, userId: string): Promise<WechatBinding> {
  const { count } = await tx.wechatBinding.updateMany({ where: { userId, status: { not: "UNBOUND" } }, data: { updatedAt: new Date() } });
  if (count === 0) throw new AppError("binding.not_bound");
  return tx.wechatBinding.findUniqueOrThrow({ where: { userId } });
}
