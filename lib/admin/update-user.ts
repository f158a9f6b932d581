import { type Actor, assertGlobal } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import type { UpdateUserInput } from "./schemas";

/**
 * Changes an account's role and department. The actor is re-read from the database on every request, so the
 * change takes effect at once. Admins cannot change their own role: there is always an admin left.
 */
export async function updateUser(actor: Actor, input: UpdateUserInput) {
  assertGlobal(actor, "admin.users");
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, role: true, departmentId: true } });
    if (!before) throw new AppError("not_found");
    if (before.id === actor.id && before.role !== input.role) throw new AppError("user.self_action");
    if (input.departmentId && !(await tx.department.findUnique({ where: { id: input.departmentId }, select: { id: true } }))) {
      throw new AppError("not_found");
    }
    const user = await tx.user.update({
      where: { id: before.id },
      data: { role: input.role, departmentId: input.departmentId },
      select: { id: true, role: true, departmentId: true },
    });
    await writeAudit(tx, actor, "user.update", user.id, {
      from: { role: before.role, departmentId: before.departmentId },
      to: { role: user.role, departmentId: user.departmentId },
    }, { departmentId: user.departmentId });
    return user;
  });
}
