import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** The course's students with class and group, its groups, and whether the actor may change them. */
export async function listRoster(actor: Actor, courseId: string) {
  const access = await authorizeCourse(actor, courseId, "roster.view");
  const canManage = access.actions.has("roster.manage");
  const [course, students, groups, classNames] = await Promise.all([
    db.course.findUnique({ where: { id: courseId }, select: { id: true } }),
    db.courseMember.findMany({
      where: { courseId, role: "STUDENT" },
      orderBy: { user: { no: "asc" } },
      select: {
        userId: true,
        group: { select: { id: true, name: true } },
        user: { select: { no: true, name: true, disabled: true, class: { select: { name: true } } } },
      },
    }),
    db.group.findMany({
      where: { courseId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, _count: { select: { members: { where: { role: "STUDENT" } } } } },
    }),
    // Suggestions for the class field; only those who may set classes need them.
    canManage ? db.class.findMany({ orderBy: { name: "asc" }, select: { name: true }, take: 1000 }) : Promise.resolve([]),
  ]);
  if (!course) throw new AppError("not_found");
  return {
    course,
    canManage,
    students: students.map((member) => ({
      userId: member.userId,
      no: member.user.no,
      name: member.user.name,
      disabled: member.user.disabled,
      className: member.user.class?.name ?? null,
      group: member.group,
    })),
    groups: groups.map((group) => ({ id: group.id, name: group.name, memberCount: group._count.members })),
    classNames: classNames.map((c) => c.name),
  };
}

export type Roster = Awaited<ReturnType<typeof listRoster>>;
