import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { POINTS_FOR, type PointsReason } from "./award-points";

export interface PointsAwardItem {
  id: string;
  reason: PointsReason;
  points: number;
  createdAt: Date;
}

export type MyPoints =
  | { courseId: string; courseTitle: string; enabled: false }
  | { courseId: string; courseTitle: string; enabled: true; total: number; awards: PointsAwardItem[] };

const isReason = (reason: string): reason is PointsReason => reason in POINTS_FOR;

/** A student's points in one course, newest first; nothing at all while the teacher has points switched off. */
export async function getMyPoints(actor: Actor, courseId: string): Promise<MyPoints> {
  const access = await authorizeCourse(actor, courseId, "coursework.submit");
  const course = await db.course.findUniqueOrThrow({ where: { id: access.courseId }, select: { title: true, pointsEnabled: true } });
  const base = { courseId: access.courseId, courseTitle: course.title };
  if (!course.pointsEnabled) return { ...base, enabled: false };
  const rows = await db.pointsAward.findMany({
    where: { courseId: access.courseId, userId: actor.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, reason: true, points: true, createdAt: true },
  });
  // Reasons this version does not know (added later, or removed) are still counted but not listed with a label.
  const awards = rows.flatMap((row) => (isReason(row.reason) ? [{ ...row, reason: row.reason }] : []));
  return { ...base, enabled: true, total: rows.reduce((sum, row) => sum + row.points, 0), awards };
}
