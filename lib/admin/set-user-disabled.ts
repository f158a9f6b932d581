import { type Actor, assertGlobal } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import type { SetUserDisabledInput } from "./schemas";

/**
 * Disables or re-enables an account. Disabling also bumps the session version, so every open session of the
 * account ends at its next request. Admins cannot disable themselves.
 */
export async function setUserDisabled(actor: Actor, input: SetUserDisabledInput): Promise<void> {
  assertGlobal(actor, "admin.users");
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, no: true, disabled: true } });
    if (!user) throw new AppError("not_found");
    if (user.id === actor.id) throw new AppError("user.self_action");
    if (user.disabled === input.disabled) return;
    await tx.user.update({
      where: { id: user.id },
      data: input.disabled ? { disabled: true, sessionVersion: { increment: 1 } } : { disabled: false },
    });
    await writeAudit(tx, actor, input.disabled ? "user.disable" : "user.enable", user.id, { no: user.no });
  });
}
