import type { Prisma } from "@/generated/prisma/client";
import { type Actor, assertGlobal, authorizeCourse, departmentScopeOf } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { shanghaiInstant } from "@/lib/lesson/local-time";
import { AUDIT_ACTIONS, GRADE_ACTIONS } from "./audit-actions";
import { type AuditDetailView, type RefKind, type RefLabels, describeDetail, labelOf, labelRef, refsOf } from "./describe-detail";
import { AUDIT_PAGE_SIZE, type AuditFilter, AuditFilterSchema } from "./schemas";
import type { AuditAction } from "./write-audit";

/** Which entries a viewer may read, and the actions its filter offers. */
export interface AuditLogScope {
  where: Prisma.AuditLogWhereInput;
  actions: readonly AuditAction[];
}

/** The admin portal's 审计日志: everything for administrators, their own department's entries for department admins. */
export function adminAuditScope(actor: Actor): AuditLogScope {
  assertGlobal(actor, "department.view");
  const departments = departmentScopeOf(actor);
  return { where: departments ? { departmentId: { in: departments } } : {}, actions: AUDIT_ACTIONS };
}

/** A course's 变更记录: its grade and deadline changes, for those who make them (grades.manage). */
export async function courseAuditScope(actor: Actor, courseId: string): Promise<AuditLogScope> {
  const access = await authorizeCourse(actor, courseId, "grades.manage");
  return { where: { courseId: access.courseId, action: { in: GRADE_ACTIONS } }, actions: GRADE_ACTIONS };
}

const DAY_MS = 24 * 3600_000;

/** The scope narrowed by the filter. Dates are Asia/Shanghai days; `to` includes its whole day. */
export async function filteredWhere(scope: AuditLogScope, filter: AuditFilter): Promise<Prisma.AuditLogWhereInput> {
  const and: Prisma.AuditLogWhereInput[] = [scope.where];
  if (filter.action) and.push({ action: filter.action });
  if (filter.from) and.push({ createdAt: { gte: shanghaiInstant(filter.from, "00:00") } });
  if (filter.to) and.push({ createdAt: { lt: new Date(shanghaiInstant(filter.to, "00:00").getTime() + DAY_MS) } });
  if (filter.actor) and.push({ actorId: { in: await actorsMatching(scope.where, filter.actor) } });
  return { AND: and };
}

/**
 * Actors in scope whose 工号 or name contains the text. Searched among the log's own actors (a handful of staff),
 * not among all users, so that a 学号 prefix matching thousands of students costs nothing.
 */
async function actorsMatching(where: Prisma.AuditLogWhereInput, text: string): Promise<string[]> {
  const actors = await db.auditLog.groupBy({ by: ["actorId"], where: { AND: [where, { actorId: { not: null } }] } });
  const users = await db.user.findMany({
    where: {
      id: { in: actors.map((row) => row.actorId!) },
      OR: [{ no: { contains: text, mode: "insensitive" } }, { name: { contains: text, mode: "insensitive" } }],
    },
    select: { id: true },
  });
  return users.map((user) => user.id);
}

export interface AuditEntry {
  id: string;
  createdAt: Date;
  action: string;
  target: string | null;
  /** null with actorId null: the system (the peer-review scheduler). */
  actorId: string | null;
  actor: { name: string; no: string } | null;
  /** label null: the course is gone. */
  course: { id: string; label: string | null } | null;
  detail: AuditDetailView;
}

const ENTRY_SELECT = { id: true, createdAt: true, action: true, target: true, actorId: true, courseId: true, detail: true } satisfies Prisma.AuditLogSelect;
type EntryRow = Prisma.AuditLogGetPayload<{ select: typeof ENTRY_SELECT }>;

export async function findEntries(where: Prisma.AuditLogWhereInput, page?: { skip: number; take: number }): Promise<AuditEntry[]> {
  const rows = await db.auditLog.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...page, select: ENTRY_SELECT });
  return entriesOf(rows);
}

/** Rows with their actors, courses and the names behind the ids in their details (one query per kind). */
async function entriesOf(rows: EntryRow[]): Promise<AuditEntry[]> {
  const actorIds = [...new Set(rows.flatMap((row) => (row.actorId ? [row.actorId] : [])))];
  const refs = refsOf(rows.map((row) => row.detail));
  refs.set("course", new Set([...(refs.get("course") ?? []), ...rows.flatMap((row) => (row.courseId ? [row.courseId] : []))]));
  const [actors, labels] = await Promise.all([
    db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, no: true } }),
    labelsOf(refs),
  ]);
  const actorById = new Map(actors.map((user) => [user.id, { name: user.name, no: user.no }]));
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    action: row.action,
    target: row.target,
    actorId: row.actorId,
    actor: row.actorId ? (actorById.get(row.actorId) ?? null) : null,
    course: row.courseId ? { id: row.courseId, label: labelOf(labels, "course", row.courseId) } : null,
    detail: describeDetail(row.detail, labels),
  }));
}

const QUESTION_LABEL_CHARS = 40;

async function labelsOf(refs: Map<RefKind, Set<string>>): Promise<RefLabels> {
  const ids = (kind: RefKind) => ({ in: [...(refs.get(kind) ?? [])] });
  const [users, courses, departments, homework, quizzes, activities, questions] = await Promise.all([
    db.user.findMany({ where: { id: ids("user") }, select: { id: true, name: true, no: true } }),
    db.course.findMany({ where: { id: ids("course") }, select: { id: true, code: true, title: true } }),
    db.department.findMany({ where: { id: ids("department") }, select: { id: true, name: true } }),
    db.homework.findMany({ where: { id: ids("homework") }, select: { id: true, title: true } }),
    db.quiz.findMany({ where: { id: ids("quiz") }, select: { id: true, title: true } }),
    db.peerReview.findMany({ where: { id: ids("peer") }, select: { id: true, title: true } }),
    db.question.findMany({ where: { id: ids("question") }, select: { id: true, stem: true } }),
  ]);
  const labels: RefLabels = new Map();
  users.forEach((user) => labelRef(labels, "user", user.id, `${user.name} (${user.no})`));
  courses.forEach((course) => labelRef(labels, "course", course.id, `${course.code} ${course.title}`));
  departments.forEach((department) => labelRef(labels, "department", department.id, department.name));
  homework.forEach((row) => labelRef(labels, "homework", row.id, row.title));
  quizzes.forEach((row) => labelRef(labels, "quiz", row.id, row.title));
  activities.forEach((row) => labelRef(labels, "peer", row.id, row.title));
  questions.forEach((row) => {
    const stem = row.stem.replace(/\s+/g, " ").trim();
    labelRef(labels, "question", row.id, stem.length > QUESTION_LABEL_CHARS ? `${stem.slice(0, QUESTION_LABEL_CHARS)}…` : stem);
  });
  return labels;
}

export interface AuditPage {
  entries: AuditEntry[];
  total: number;
  page: number;
  pageCount: number;
  filter: AuditFilter;
  actions: readonly AuditAction[];
}

async function pageOf(scope: AuditLogScope, filter: AuditFilter): Promise<AuditPage> {
  const where = await filteredWhere(scope, filter);
  const [total, entries] = await Promise.all([
    db.auditLog.count({ where }),
    findEntries(where, { skip: (filter.page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
  ]);
  return { entries, total, page: filter.page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), filter, actions: scope.actions };
}

/** 审计日志 (admin portal), newest first, 50 a page. Throws a ZodError (→ validation) for an unreadable filter. */
export async function listAuditLog(actor: Actor, input: unknown): Promise<AuditPage> {
  const scope = adminAuditScope(actor);
  return pageOf(scope, AuditFilterSchema.parse(input));
}

/** A course's 变更记录 (teacher portal), newest first, 50 a page. */
export async function listCourseAuditLog(actor: Actor, courseId: string, input: unknown): Promise<AuditPage> {
  const scope = await courseAuditScope(actor, courseId);
  return pageOf(scope, AuditFilterSchema.parse(input));
}
