import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { pushKindsFor } from "./push-kinds-for";
import type { WechatSettingsInput } from "./schemas";

/**
 * Saves the actor's own notification settings: which kinds they receive (the kinds their role can receive; a kind
 * not ticked is switched off) and their quiet hours. Needs a binding that is not unbound, since quiet hours live on it.
 */
export async function updateWechatSettings(actor: Actor, input: WechatSettingsInput): Promise<void> {
  const { kinds, quietStart, quietEnd } = input;
  await db.$transaction(async (tx) => {
    const { count } = await tx.wechatBinding.updateMany({
      where: { userId: actor.id, status: { not: "UNBOUND" } },
      data: { quietStartMinute: quietStart, quietEndMinute: quietEnd },
    });
    if (count === 0) throw new AppError("binding.not_bound");
    for (const kind of pushKindsFor(actor.role)) {
      const enabled = kinds.includes(kind);
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId: actor.id, kind } },
        create: { userId: actor.id, kind, enabled },
        update: { enabled },
      });
    }
  });
}
