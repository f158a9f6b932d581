import type { WechatBinding } from "@/generated/prisma/client";
import { type Tx, db } from "@/lib/db";
import { latestConsent } from "./consent-records";

/**
 * The binding behind an openid while the student's consent stands: not unbound, and the newest consent record for
 * this openid is GRANTED. An UNREACHABLE binding counts (WeChat could not deliver a push; the student did not
 * withdraw anything). Used to sign a student in from WeChat and to accept their replies; null otherwise.
 */
export async function findActiveBindingByOpenid(openid: string, client: Tx = db): Promise<WechatBinding | null> {
  if (!openid) return null;
  const binding = await client.wechatBinding.findFirst({ where: { openid, status: { not: "UNBOUND" } } });
  if (!binding) return null;
  const consent = await latestConsent(client, binding.userId, openid);
  return consent?.action === "GRANTED" ? binding : null;
}
