import { type Actor, assertGlobal } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError, prismaCodeOf } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import type { CreateDepartmentInput } from "./schemas";

export async function createDepartment(actor: Actor, input: CreateDepartmentInput) {
  assertGlobal(actor, "admin.departments");
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.department.findUnique({ where: { code: input.code }, select: { id: true } })) {
        throw new AppError("department.code_taken");
      }
      const department = await tx.department.create({
        data: { code: input.code, name: input.name, nameEn: input.nameEn },
        select: { id: true, code: true, name: true, nameEn: true },
      });
      await writeAudit(tx, actor, "department.create", department.id, { code: department.code, name: department.name }, { departmentId: department.id });
      return department;
    });
  } catch (error) {
    // Two admins creating the same code at once: the unique index decides.
    if (prismaCodeOf(error) === "P2002") throw new AppError("department.code_taken");
    throw error;
  }
}
