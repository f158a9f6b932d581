import { type Actor, authorizeCourse, isWellFormedId } from "@/lib/auth/authz";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { departmentOf } from "./department-of";
import { AnalyticsFiltersSchema, type CompetencyInput, CompetencyListSchema } from "./schemas";

export interface CompetencyRow {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  tags: string[];
  /** Coverage: course objectives mapped to it, and bank questions whose tags roll up to it. */
  objectives: number;
  questions: number;
  /** Attainment: mean share of the points earned on those questions in submitted attempts, 0–1. */
  attainment: number | null;
  answered: number;
}

export interface CompetencyView {
  department: { id: string; name: string };
  courseId: string | null;
  competencies: CompetencyRow[];
  /** Question tags in use that no competency collects, most used first (what to map next). */
  unmappedTags: { tag: string; questions: number }[];
  /** With a course: its objectives and the competencies each is mapped to. */
  objectives: { id: string; position: number; text: string; competencyIds: string[] }[];
}

const UNMAPPED_LIMIT = 50;

async function scopeOf(actor: Actor, input: unknown) {
  const filters = AnalyticsFiltersSchema.parse(input ?? {});
  if (filters.courseId) {
    const access = await authorizeCourse(actor, filters.courseId, "grades.view");
    const department = await db.department.findUniqueOrThrow({ where: { id: access.departmentId }, select: { id: true, name: true } });
    return { department, courseIds: [filters.courseId], courseId: filters.courseId };
  }
  const department = await departmentOf(actor, filters.departmentId);
  const courses = await db.course.findMany({
    where: { departmentId: department.id, ...(filters.term && { term: filters.term }) },
    select: { id: true },
  });
  return { department, courseIds: courses.map((course) => course.id), courseId: null };
}

/**
 * 能力达成: the department's competency list with coverage (objectives and questions rolled up to each) and
 * attainment (results on those questions), for the department or one course of it.
 */
export async function getCompetencyView(actor: Actor, input: unknown): Promise<CompetencyView> {
  const { department, courseIds, courseId } = await scopeOf(actor, input);
  const [competencies, figures, unmapped, objectives] = await Promise.all([
    db.competency.findMany({ where: { departmentId: department.id }, orderBy: [{ position: "asc" }, { code: "asc" }] }),
    db.$queryRaw<{ id: string; objectives: number; questions: number; total: number; answered: number }[]>`
      WITH comp AS (SELECT id, tags FROM "Competency" WHERE "departmentId" = ${department.id}),
      qs AS (SELECT id, tags FROM "Question" WHERE "courseId" = ANY(${courseIds}::text[]) AND NOT archived AND cardinality(tags) > 0),
      answered AS (
        SELECT aq."questionId", sum(aq.score / aq.points) AS total, count(*) AS n
        FROM "Quiz" q JOIN "QuizAttempt" a ON a."quizId" = q.id AND a.status = 'SUBMITTED'
        JOIN "AttemptQuestion" aq ON aq."attemptId" = a.id
        WHERE q."courseId" = ANY(${courseIds}::text[]) AND aq.score IS NOT NULL AND aq.points > 0
        GROUP BY aq."questionId"
      ),
      answered_tags AS (SELECT a.*, qu.tags FROM answered a JOIN "Question" qu ON qu.id = a."questionId")
      SELECT comp.id,
        (SELECT count(*) FROM "ObjectiveCompetency" oc JOIN "CourseObjective" o ON o.id = oc."objectiveId"
          WHERE oc."competencyId" = comp.id AND o."courseId" = ANY(${courseIds}::text[]))::int AS objectives,
        (SELECT count(*) FROM qs WHERE qs.tags && comp.tags)::int AS questions,
        (SELECT COALESCE(sum(total), 0) FROM answered_tags t WHERE t.tags && comp.tags)::float8 AS total,
        (SELECT COALESCE(sum(n), 0) FROM answered_tags t WHERE t.tags && comp.tags)::int AS answered
      FROM comp`,
    db.$queryRaw<{ tag: string; questions: number }[]>`
      SELECT tag, count(*)::int AS questions
      FROM "Question" q CROSS JOIN LATERAL unnest(q.tags) AS tag
      WHERE q."courseId" = ANY(${courseIds}::text[]) AND NOT q.archived
        AND NOT EXISTS (SELECT 1 FROM "Competency" c WHERE c."departmentId" = ${department.id} AND tag = ANY(c.tags))
      GROUP BY tag ORDER BY questions DESC, tag LIMIT ${UNMAPPED_LIMIT}`,
    courseId
      ? db.courseObjective.findMany({
          where: { courseId },
          orderBy: { position: "asc" },
          select: { id: true, position: true, text: true, competencies: { select: { competencyId: true } } },
        })
      : Promise.resolve([]),
  ]);
  const figuresOf = new Map(figures.map((row) => [row.id, row]));
  return {
    department,
    courseId,
    competencies: competencies.map((c) => {
      const f = figuresOf.get(c.id);
      return {
        id: c.id,
        code: c.code,
        name: c.name,
        nameEn: c.nameEn,
        tags: c.tags,
        objectives: f?.objectives ?? 0,
        questions: f?.questions ?? 0,
        attainment: f && f.answered ? f.total / f.answered : null,
        answered: f?.answered ?? 0,
      };
    }),
    unmappedTags: unmapped,
    objectives: objectives.map((o) => ({ id: o.id, position: o.position, text: o.text, competencyIds: o.competencies.map((x) => x.competencyId) })),
  };
}

/**
 * Replaces a department's competency list (kept by code, so that objective mappings survive renames and reorders;
 * a code left out is deleted with its mappings). For the department's admin and administrators.
 */
export async function saveCompetencies(actor: Actor, departmentId: string | undefined, input: unknown): Promise<{ count: number }> {
  const department = await departmentOf(actor, departmentId);
  const list: CompetencyInput[] = CompetencyListSchema.parse(input);
  if (new Set(list.map((item) => item.code)).size !== list.length) throw new AppError("analytics.duplicate_competency");
  await db.$transaction(async (tx) => {
    await tx.competency.deleteMany({ where: { departmentId: department.id, code: { notIn: list.map((item) => item.code) } } });
    for (const [position, item] of list.entries()) {
      const data = { name: item.name, nameEn: item.nameEn ?? null, tags: [...new Set(item.tags)], position };
      await tx.competency.upsert({
        where: { departmentId_code: { departmentId: department.id, code: item.code } },
        create: { departmentId: department.id, code: item.code, ...data },
        update: data,
      });
    }
    await writeAudit(tx, actor, "analytics.competencies", department.id, { codes: list.map((item) => item.code) }, { departmentId: department.id });
  });
  return { count: list.length };
}

/**
 * Maps one course objective to competencies of its department: the course's teachers ("course.edit") and the
 * department's admin may; anyone else who can see the course is refused.
 */
export async function setObjectiveCompetencies(actor: Actor, objectiveId: string, competencyIds: readonly string[]): Promise<void> {
  if (!isWellFormedId(objectiveId) || !competencyIds.every(isWellFormedId)) throw new AppError("not_found");
  const objective = await db.courseObjective.findUnique({ where: { id: objectiveId }, select: { courseId: true } });
  if (!objective) throw new AppError("not_found");
  const access = await authorizeCourse(actor, objective.courseId, "course.view");
  const departmentAdmin = (actor.role === "DEPT_ADMIN" && actor.departmentId === access.departmentId) || actor.role === "ADMIN";
  if (!access.actions.has("course.edit") && !departmentAdmin) throw new AppError("auth.forbidden");
  const ids = [...new Set(competencyIds)];
  const known = await db.competency.count({ where: { id: { in: ids }, departmentId: access.departmentId } });
  if (known !== ids.length) throw new AppError("analytics.unknown_competency");
  await db.$transaction(async (tx) => {
    await tx.objectiveCompetency.deleteMany({ where: { objectiveId } });
    if (ids.length) await tx.objectiveCompetency.createMany({ data: ids.map((competencyId) => ({ objectiveId, competencyId })) });
    await writeAudit(tx, actor, "analytics.objective_competencies", objectiveId, { competencyIds: ids }, access);
  });
}
