import type { PrismaClient } from "@/generated/prisma/client";
import { simOpenid } from "@/lib/wechat-sim/users";
import { CONSENT_TEXT_VERSION } from "./consent";

/**
 * Two demo students are bound to simulated WeChat users with recorded consent, so that the mirror works out of the
 * box: their simulated phones (the simulator's /phone page) receive the pushes, and replies land on the board.
 */
export const DEMO_BINDINGS = [
  { no: "2023010101", seed: "chensiyuan", nickname: "陈思远的微信" },
  { no: "2023010102", seed: "linyutong", nickname: "林雨桐" },
] as const;

export async function seedDemoBindings(prisma: PrismaClient): Promise<{ bindings: number }> {
  let bindings = 0;
  for (const demo of DEMO_BINDINGS) {
    const user = await prisma.user.findUnique({ where: { no: demo.no }, select: { id: true } });
    const openid = simOpenid(demo.seed);
    if (!user || (await prisma.wechatBinding.findFirst({ where: { OR: [{ userId: user.id }, { openid }] } }))) continue;
    await prisma.$transaction([
      prisma.wechatBinding.create({ data: { userId: user.id, openid, nickname: demo.nickname } }),
      prisma.wechatConsent.create({ data: { userId: user.id, openid, textVersion: CONSENT_TEXT_VERSION, action: "GRANTED" } }),
    ]);
    bindings++;
  }
  return { bindings };
}
