import type { CourseRole, Prisma, Role } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * The one authorization module: global role + course membership + department scope. Every page, server action,
 * route handler and socket handler asks here. A course the actor may not see is reported as `not_found`
 * (it never leaks that it exists); a visible course where the action is not allowed is `auth.forbidden`.
 */

export interface Actor {
  id: string;
  no: string;
  name: string;
  role: Role;
  departmentId: string | null;
  mustChangePassword: boolean;
}

export type Portal = "student" | "teacher" | "admin";

const PORTAL_ROLES: Record<Portal, readonly Role[]> = {
  student: ["STUDENT"],
  // 教研室主任 usually teach as well: they reach the courses they teach through the teacher portal.
  teacher: ["TEACHER", "DEPT_ADMIN"],
  admin: ["ADMIN", "DEPT_ADMIN"],
};

export const canUsePortal = (actor: Pick<Actor, "role">, portal: Portal): boolean =>
  PORTAL_ROLES[portal].includes(actor.role);

export function homePortalOf(role: Role): Portal {
  if (role === "STUDENT") return "student";
  if (role === "TEACHER") return "teacher";
  return "admin";
}

export type CourseAction =
  | "course.view" // course intro, lessons
  | "course.edit" // intro, objectives, assessment scheme, lessons
  | "roster.view"
  | "roster.manage" // add/remove students, groups, classes, import
  | "feedback.view" // students' pre-class feedback with their names, the lesson-plan history (staff only)
  | "course.administer" // assign teachers, archive, change department
  | "coursework.manage" // question bank, quizzes, homework, evaluations, points switch
  | "coursework.submit" // take quizzes, practise, submit homework, evaluate the course (students only)
  | "grades.view" // scores, results, item analysis, gradebook of every student
  | "grades.manage" // mark short answers, grade homework, grant extensions, release grades
  | "evaluation.view"; // the course evaluation's aggregated results

export interface CourseContext {
  departmentId: string;
  /** The actor's role in this course, or null when not a member. */
  memberRole: CourseRole | null;
}

const MEMBER_ACTIONS: Record<CourseRole, readonly CourseAction[]> = {
  TEACHER: [
    "course.view",
    "course.edit",
    "roster.view",
    "roster.manage",
    "feedback.view",
    "coursework.manage",
    "grades.view",
    "grades.manage",
    "evaluation.view",
  ],
  // 助教 mark and grade; the course's questions, quizzes and the evaluation stay the teacher's.
  ASSISTANT: ["course.view", "roster.view", "roster.manage", "feedback.view", "grades.view", "grades.manage"],
  STUDENT: ["course.view", "coursework.submit"],
};

/** Department admins read everything in their department and change nothing there unless they teach it. */
const DEPT_ADMIN_ACTIONS: readonly CourseAction[] = ["course.view", "roster.view", "feedback.view", "grades.view", "evaluation.view"];

const ALL_ACTIONS: readonly CourseAction[] = [
  "course.view",
  "course.edit",
  "roster.view",
  "roster.manage",
  "feedback.view",
  "course.administer",
  "coursework.manage",
  "grades.view",
  "grades.manage",
  "evaluation.view",
];

export function courseActionsOf(actor: Pick<Actor, "role" | "departmentId">, course: CourseContext): Set<CourseAction> {
  if (actor.role === "ADMIN") return new Set(ALL_ACTIONS);
  const actions = new Set<CourseAction>(course.memberRole ? MEMBER_ACTIONS[course.memberRole] : []);
  // A student's membership grants only what a student may do, whatever it says.
  if (actor.role === "STUDENT") return course.memberRole === "STUDENT" ? actions : new Set();
  if (course.memberRole === "STUDENT") actions.clear();
  if (actor.role === "DEPT_ADMIN" && actor.departmentId === course.departmentId) {
    DEPT_ADMIN_ACTIONS.forEach((action) => actions.add(action));
  }
  return actions;
}

export const canOnCourse = (
  actor: Pick<Actor, "role" | "departmentId">,
  action: CourseAction,
  course: CourseContext,
): boolean => courseActionsOf(actor, course).has(action);

/** Prisma filter for the courses an actor may see at all. */
export function courseVisibleTo(actor: Pick<Actor, "id" | "role" | "departmentId">): Prisma.CourseWhereInput {
  switch (actor.role) {
    case "ADMIN":
      return {};
    case "DEPT_ADMIN":
      // No sentinel id for "no department": PostgreSQL rejects NUL bytes in text parameters.
      return {
        OR: [
          ...(actor.departmentId ? [{ departmentId: actor.departmentId }] : []),
          { members: { some: { userId: actor.id, role: { in: ["TEACHER", "ASSISTANT"] } } } },
        ],
      };
    case "TEACHER":
      return { members: { some: { userId: actor.id, role: { in: ["TEACHER", "ASSISTANT"] } } } };
    case "STUDENT":
      return { members: { some: { userId: actor.id, role: "STUDENT" } } };
  }
}

/** Courses the actor teaches (teacher portal lists these). */
export const courseTaughtBy = (actor: Pick<Actor, "id">): Prisma.CourseWhereInput => ({
  members: { some: { userId: actor.id, role: { in: ["TEACHER", "ASSISTANT"] } } },
});

export interface AuthorizedCourse {
  courseId: string;
  departmentId: string;
  memberRole: CourseRole | null;
  actions: Set<CourseAction>;
}

/** Our ids are cuids; anything else (a typo, a NUL byte the database would reject) is simply not found. */
export const isWellFormedId = (id: unknown): id is string => typeof id === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(id);

/** Loads what is needed to decide, then decides. Throws not_found / auth.forbidden. */
export async function authorizeCourse(actor: Actor, courseId: string, action: CourseAction): Promise<AuthorizedCourse> {
  if (!isWellFormedId(courseId)) throw new AppError("not_found");
  const course = await db.course.findFirst({
    where: { id: courseId, ...courseVisibleTo(actor) },
    select: { id: true, departmentId: true, members: { where: { userId: actor.id }, select: { role: true } } },
  });
  if (!course) throw new AppError("not_found");
  const memberRole = course.members[0]?.role ?? null;
  const actions = courseActionsOf(actor, { departmentId: course.departmentId, memberRole });
  if (!actions.has(action)) throw new AppError("auth.forbidden");
  return { courseId: course.id, departmentId: course.departmentId, memberRole, actions };
}

/** Same decision for a lesson, through its course. */
export async function authorizeLesson(actor: Actor, lessonId: string, action: CourseAction) {
  if (!isWellFormedId(lessonId)) throw new AppError("not_found");
  const lesson = await db.lesson.findFirst({ where: { id: lessonId }, select: { courseId: true } });
  if (!lesson) throw new AppError("not_found");
  return authorizeCourse(actor, lesson.courseId, action);
}

export type GlobalAction = "admin.users" | "admin.departments" | "admin.courses" | "department.view";

export function canGlobal(actor: Pick<Actor, "role">, action: GlobalAction): boolean {
  if (actor.role === "ADMIN") return true;
  return actor.role === "DEPT_ADMIN" && action === "department.view";
}

export function assertGlobal(actor: Actor, action: GlobalAction): void {
  if (!canGlobal(actor, action)) throw new AppError("auth.forbidden");
}

/** Departments whose data the actor may read in the admin portal; undefined means all. */
export function departmentScopeOf(actor: Actor): string[] | undefined {
  if (actor.role === "ADMIN") return undefined;
  if (actor.role === "DEPT_ADMIN" && actor.departmentId) return [actor.departmentId];
  return [];
}
