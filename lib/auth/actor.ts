import { db } from "@/lib/db";
import type { Actor } from "./authz";

/**
 * The actor behind a session token: the user must still exist, be enabled, and the token must carry the current
 * session version (a password change, reset or disable ends every older session).
 */
export async function loadActor(userId: string | undefined, sessionVersion: number | undefined): Promise<Actor | null> {
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      no: true,
      name: true,
      role: true,
      departmentId: true,
      mustChangePassword: true,
      disabled: true,
      sessionVersion: true,
    },
  });
  if (!user || user.disabled || user.sessionVersion !== (sessionVersion ?? 0)) return null;
  return {
    id: user.id,
    no: user.no,
    name: user.name,
    role: user.role,
    departmentId: user.departmentId,
    mustChangePassword: user.mustChangePassword,
  };
}
