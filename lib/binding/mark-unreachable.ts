import { type Tx, db } from "@/lib/db";

/**
 * WeChat said it cannot deliver to this user (43004 not following, 40003 bad openid): stop trying until they follow
 * again (setSubscribed) or bind again. Only an ACTIVE binding changes; an unbound one stays unbound.
 * Returns whether a binding changed.
 */
export async function markUnreachable(userId: string, reason: string, client: Tx = db): Promise<boolean> {
  const { count } = await client.wechatBinding.updateMany({
    where: { userId, status: "ACTIVE" },
    data: { status: "UNREACHABLE", statusReason: reason.slice(0, 200) },
  });
  return count > 0;
}
