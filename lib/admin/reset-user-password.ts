import { type Actor, assertGlobal } from "@/lib/auth/authz";
import { hashPassword, temporaryPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import type { ResetUserPasswordInput } from "./schemas";

/**
 * Replaces an account's password with a new temporary one (returned once), ends its sessions and makes the user
 * choose a password at next sign-in. Admins change their own password on the account page instead.
 */
export async function resetUserPassword(actor: Actor, input: ResetUserPasswordInput) {
  assertGlobal(actor, "admin.users");
  if (input.userId === actor.id) throw new AppError("user.self_action");
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, no: true } });
    if (!user) throw new AppError("not_found");
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } },
    });
    await writeAudit(tx, actor, "user.reset_password", user.id, { no: user.no });
  });
  return { temporaryPassword: password };
}
