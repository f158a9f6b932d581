import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { departmentIdsFor } from "./scope";

/**
 * The one department a department-level setting is about: the given one if the actor may read it, else a department
 * admin's own. Administrators must name it. Unknown or out of scope → not_found.
 */
export async function departmentOf(actor: Actor, departmentId?: string): Promise<{ id: string; name: string }> {
  const ids = departmentIdsFor(actor, departmentId);
  const id = departmentId ?? (ids?.length === 1 ? ids[0] : undefined);
  if (!id) throw new AppError("not_found");
  const department = await db.department.findUnique({ where: { id }, select: { id: true, name: true } });
  if (!department) throw new AppError("not_found");
  return department;
}
