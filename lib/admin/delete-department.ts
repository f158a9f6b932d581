import { type Actor, assertGlobal } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError, prismaCodeOf } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import type { DeleteDepartmentInput } from "./schemas";

/** Deletes a department that has no courses (archived ones count). Its users and classes lose the link. */
export async function deleteDepartment(actor: Actor, input: DeleteDepartmentInput): Promise<void> {
  assertGlobal(actor, "admin.departments");
  try {
    await db.$transaction(async (tx) => {
      const department = await tx.department.findUnique({
        where: { id: input.departmentId },
        select: { id: true, code: true, name: true, _count: { select: { courses: true } } },
      });
      if (!department) throw new AppError("not_found");
      if (department._count.courses > 0) throw new AppError("department.not_empty");
      await tx.department.delete({ where: { id: department.id } });
      await writeAudit(tx, actor, "department.delete", department.id, { code: department.code, name: department.name }, { departmentId: department.id });
    });
  } catch (error) {
    // A course created in the department meanwhile: the Restrict foreign key refuses the delete.
    if (prismaCodeOf(error) === "P2003") throw new AppError("department.not_empty");
    throw error;
  }
}
