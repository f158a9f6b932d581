import type { Actor } from "@/lib/auth/authz";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ChangePasswordInput } from "./schemas";

/** Changes the actor's own password; ends their other sessions (the caller signs in again). */
export async function changePassword(actor: Actor, input: ChangePasswordInput): Promise<void> {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true, no: true } });
  if (!user) throw new AppError("not_found");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new AppError("auth.wrong_password");
  if (input.newPassword === input.currentPassword || input.newPassword === user.no) throw new AppError("auth.password_same");
  await db.user.update({
    where: { id: actor.id },
    data: { passwordHash: await hashPassword(input.newPassword), mustChangePassword: false, sessionVersion: { increment: 1 } },
  });
}
