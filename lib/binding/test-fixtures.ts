import { randomBytes } from "node:crypto";
import type { Role } from "@/generated/prisma/client";
import { actorOf, makeUser } from "@/tests/factories";
import { bindWechat } from "./bind-wechat";
import { CONSENT_TEXT_VERSION } from "./consent";

/** Shaped like a real openid: 28 characters of [A-Za-z0-9_-]. */
export const newOpenid = () => `o${randomBytes(20).toString("base64url").slice(0, 27)}`;

export async function boundUser(role: Role = "STUDENT", openid = newOpenid()) {
  const user = await makeUser(role);
  const actor = actorOf(user);
  const binding = await bindWechat(actor, { openid, consentTextVersion: CONSENT_TEXT_VERSION });
  return { user, actor, binding, openid };
}
