import { Prisma } from "@/generated/prisma/client";
import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { type AtRiskReason, DEFAULT_AT_RISK, atRiskReasons } from "./at-risk-rules";
import { queryJsonRows } from "./json-rows";
import { type AtRiskThresholds, AnalyticsFiltersSchema } from "./schemas";
import { type ScopedCourse, scopedCourses } from "./scope";
import { ensureSummaries } from "./summaries";

export interface AtRiskRow {
  courseId: string;
  courseCode: string;
  courseTitle: string;
  studentId: string;
  no: string;
  name: string;
  className: string | null;
  lastActivityAt: Date | null;
  reasons: AtRiskReason[];
}

export interface AtRiskList {
  rows: AtRiskRow[];
  /** Students checked (course memberships). */
  checked: number;
  /** When the facts were computed. */
  asOf: Date | null;
}

interface FactsRow {
  courseId: string;
  userId: string;
  enrolledAt: Date;
  quizPercents: number[];
  preClassDue: number;
  preClassDone: number;
  signInsHeld: number;
  attended: number;
  lastActivityAt: Date | null;
}

async function coursesFor(actor: Actor, input: unknown): Promise<{ courses: ScopedCourse[]; classId?: string }> {
  const filters = AnalyticsFiltersSchema.parse(input ?? {});
  if (filters.courseId) {
    // A course's own staff reach its list through the course; department admins and admins too.
    await authorizeCourse(actor, filters.courseId, "grades.view");
    const course = await db.course.findUniqueOrThrow({
      where: { id: filters.courseId },
      select: { id: true, code: true, title: true, titleEn: true, term: true, departmentId: true, department: { select: { name: true } } },
    });
    const { department, ...rest } = course;
    return { courses: [{ ...rest, departmentName: department.name }], classId: filters.classId };
  }
  const { courses } = await scopedCourses(actor, filters);
  return { courses, classId: filters.classId };
}

/**
 * 预警名单: students of the given course, or of the department's courses under the filters, with the reasons they
 * may need someone to reach out — by each department's thresholds (AtRiskRule, else DEFAULT_AT_RISK). The activity
 * is summed per student and course in SQL (AnalyticsStudentFact, lib/analytics/summaries.ts); only those sums reach
 * the rules.
 */
export async function getAtRiskStudents(actor: Actor, input: unknown, now = new Date()): Promise<AtRiskList> {
  const { courses, classId } = await coursesFor(actor, input);
  if (!courses.length) return { rows: [], checked: 0, asOf: null };
  const ids = courses.map((course) => course.id);
  const asOf = await ensureSummaries(ids, now);
  const byClass = classId ? Prisma.sql`AND EXISTS (SELECT 1 FROM "User" u WHERE u.id = f."userId" AND u."classId" = ${classId})` : Prisma.empty;

  const [facts, rules] = await Promise.all([
    // A whole school's facts are thousands of rows (read as JSON, lib/analytics/json-rows.ts); names are read
    // afterwards, for the students flagged only.
    queryJsonRows<FactsRow>(
      Prisma.sql`
        SELECT f."courseId", f."userId", f."enrolledAt", f."quizPercents",
               f."preClassDue", f."preClassDone", f."signInsHeld", f.attended, f."lastActivityAt"
        FROM "AnalyticsStudentFact" f
        JOIN "CourseMember" cm ON cm."courseId" = f."courseId" AND cm."userId" = f."userId" AND cm.role = 'STUDENT'
        WHERE f."courseId" = ANY(${ids}::text[]) ${byClass}`,
      ["enrolledAt", "lastActivityAt"],
    ),
    db.atRiskRule.findMany({ where: { departmentId: { in: [...new Set(courses.map((course) => course.departmentId))] } } }),
  ]);

  const ruleOf = new Map<string, AtRiskThresholds>(rules.map((rule) => [rule.departmentId, rule]));
  const courseOf = new Map(courses.map((course) => [course.id, course]));
  const flagged = facts.flatMap((fact) => {
    const course = courseOf.get(fact.courseId)!;
    const reasons = atRiskReasons(fact, ruleOf.get(course.departmentId) ?? DEFAULT_AT_RISK, now);
    return reasons.length ? [{ fact, course, reasons }] : [];
  });
  const students = await queryJsonRows<{ id: string; no: string; name: string; className: string | null }>(Prisma.sql`
    SELECT u.id, u.no, u.name, c.name AS "className" FROM "User" u LEFT JOIN "Class" c ON c.id = u."classId"
    WHERE u.id = ANY(${[...new Set(flagged.map(({ fact }) => fact.userId))]}::text[])`);
  const studentOf = new Map(students.map((student) => [student.id, student]));
  const rows: AtRiskRow[] = flagged.map(({ fact, course, reasons }) => {
    const student = studentOf.get(fact.userId)!;
    return {
      courseId: course.id,
      courseCode: course.code,
      courseTitle: course.title,
      studentId: fact.userId,
      no: student.no,
      name: student.name,
      className: student.className,
      lastActivityAt: fact.lastActivityAt,
      reasons,
    };
  });
  rows.sort((a, b) => b.reasons.length - a.reasons.length || a.courseCode.localeCompare(b.courseCode) || a.no.localeCompare(b.no));
  return { rows, checked: facts.length, asOf };
}
