import { type Tx, db } from "@/lib/db";

/**
 * Follows the service account's subscribe / unsubscribe events. Following again also clears UNREACHABLE: WeChat
 * now delivers to this openid. An unbound binding stays unbound. Returns whether the openid is bound at all.
 */
export async function setSubscribed(openid: string, subscribed: boolean, client: Tx = db): Promise<boolean> {
  if (!openid) return false;
  const { count } = await client.wechatBinding.updateMany({ where: { openid }, data: { subscribed } });
  if (count > 0 && subscribed) {
    await client.wechatBinding.updateMany({
      where: { openid, status: "UNREACHABLE" },
      data: { status: "ACTIVE", statusReason: null },
    });
  }
  return count > 0;
}
