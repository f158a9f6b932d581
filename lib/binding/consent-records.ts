import type { WechatConsent } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db";

/** The newest consent record of a user for one openid: whether that is GRANTED decides whether consent stands. */
export function latestConsent(client: Tx, userId: string, openid: string): Promise<WechatConsent | null> {
  return client.wechatConsent.findFirst({
    where: { userId, openid },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}
