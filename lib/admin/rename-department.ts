import { type Actor, assertGlobal } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RenameDepartmentInput } from "./schemas";

/** Changes the display names; the code stays, since other systems (imports, exports) refer to it. */
export async function renameDepartment(actor: Actor, input: RenameDepartmentInput) {
  assertGlobal(actor, "admin.departments");
  return db.$transaction(async (tx) => {
    const before = await tx.department.findUnique({ where: { id: input.departmentId }, select: { name: true, nameEn: true } });
    if (!before) throw new AppError("not_found");
    const department = await tx.department.update({
      where: { id: input.departmentId },
      data: { name: input.name, nameEn: input.nameEn },
      select: { id: true, code: true, name: true, nameEn: true },
    });
    await writeAudit(tx, actor, "department.rename", department.id, {
      from: before,
      to: { name: department.name, nameEn: department.nameEn },
    }, { departmentId: department.id });
    return department;
  });
}
