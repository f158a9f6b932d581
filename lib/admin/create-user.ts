import { type Actor, assertGlobal } from "@/lib/auth/authz";
import { hashPassword, temporaryPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError, prismaCodeOf } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import type { CreateUserInput } from "./schemas";

/**
 * Creates an account with a temporary password. The password is returned once for the admin to hand over and is
 * stored only as a hash; the user must change it at first sign-in.
 */
export async function createUser(actor: Actor, input: CreateUserInput) {
  assertGlobal(actor, "admin.users");
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  try {
    const user = await db.$transaction(async (tx) => {
      if (input.departmentId && !(await tx.department.findUnique({ where: { id: input.departmentId }, select: { id: true } }))) {
        throw new AppError("not_found");
      }
      if (await tx.user.findUnique({ where: { no: input.no }, select: { id: true } })) throw new AppError("user.no_taken");
      const created = await tx.user.create({
        data: {
          no: input.no,
          name: input.name,
          role: input.role,
          departmentId: input.departmentId,
          email: input.email,
          passwordHash,
          mustChangePassword: true,
        },
        select: { id: true, no: true, name: true, role: true, departmentId: true },
      });
      await writeAudit(tx, actor, "user.create", created.id, {
        no: created.no,
        name: created.name,
        role: created.role,
        departmentId: created.departmentId,
      }, { departmentId: created.departmentId });
      return created;
    });
    return { user, temporaryPassword: password };
  } catch (error) {
    if (prismaCodeOf(error) === "P2002") throw new AppError("user.no_taken");
    throw error;
  }
}
