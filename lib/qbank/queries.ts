import type { PartialCredit, Prisma, QuestionType } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/authz";
import { isWellFormedId } from "@/lib/auth/authz";
import { type Tx, db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeBank } from "./authorize-bank";
import { BANK_ORDER, type BankQuery, type BankScope, bankQuestionWhere } from "./bank-scope";
import { type ChoiceOption, QUESTION_TYPES, optionsOf } from "./question-shapes";
import { type BankFilter, type BankFilterInput, BankFilterSchema, QBANK_LIMITS } from "./schemas";

export const BANK_QUESTION_SELECT = {
  id: true,
  courseId: true,
  type: true,
  stem: true,
  options: true,
  answer: true,
  partialCredit: true,
  caseInsensitive: true,
  referenceAnswer: true,
  explanation: true,
  difficulty: true,
  tags: true,
  shared: true,
  archived: true,
  caseId: true,
  casePosition: true,
  updatedAt: true,
  course: { select: { code: true, title: true } },
  case: { select: { id: true, vignette: true } },
} satisfies Prisma.QuestionSelect;

type Row = Prisma.QuestionGetPayload<{ select: typeof BANK_QUESTION_SELECT }>;

/** A question as the bank shows it to the course's teacher (answers included: never hand this to a student). */
export interface BankQuestion {
  id: string;
  courseId: string;
  /** Another course's question shared with the department: usable here, edited only there. */
  fromCourse: { code: string; title: string } | null;
  editable: boolean;
  type: QuestionType;
  stem: string;
  options: ChoiceOption[];
  answer: unknown;
  partialCredit: PartialCredit;
  caseInsensitive: boolean;
  referenceAnswer: string;
  explanation: string;
  difficulty: number;
  tags: string[];
  shared: boolean;
  archived: boolean;
  case: { id: string; vignette: string; position: number | null } | null;
  updatedAt: Date;
}

export function toBankQuestion(row: Row, courseId: string): BankQuestion {
  const own = row.courseId === courseId;
  return {
    id: row.id,
    courseId: row.courseId,
    fromCourse: own ? null : row.course,
    editable: own,
    type: row.type,
    stem: row.stem,
    options: optionsOf(row.options),
    answer: row.answer,
    partialCredit: row.partialCredit,
    caseInsensitive: row.caseInsensitive,
    referenceAnswer: row.referenceAnswer,
    explanation: row.explanation,
    difficulty: row.difficulty,
    tags: row.tags,
    shared: row.shared,
    archived: row.archived,
    case: row.case ? { id: row.case.id, vignette: row.case.vignette, position: row.casePosition } : null,
    updatedAt: row.updatedAt,
  };
}

export const filterToQuery = (filter: BankFilter): BankQuery => ({
  source: filter.source,
  archived: filter.archived,
  type: filter.type,
  tag: filter.tag,
  difficulty: filter.difficulty,
  q: filter.q,
  caseId: filter.caseId,
});

export interface TagCount {
  tag: string;
  count: number;
}

/** Tags used by the questions a query selects, most used first. Not authorized: for callers that have checked. */
export async function bankTagCounts(client: Tx, scope: BankScope, query: BankQuery = {}): Promise<TagCount[]> {
  const rows = await client.question.findMany({ where: bankQuestionWhere(scope, query), select: { tags: true } });
  const counts = new Map<string, number>();
  for (const { tags } of rows) for (const tag of tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag, "zh-CN"));
}

export interface BankPage {
  course: BankScope;
  filter: BankFilter;
  items: BankQuestion[];
  /** Questions matching the filter (all pages). */
  total: number;
  pageCount: number;
  /** Per type, for the filter without its type. */
  counts: Record<QuestionType, number>;
  tags: TagCount[];
}

/**
 * A course's bank, filtered by type, tag, difficulty, words and source, a page at a time; questions that other
 * courses of the department share are included read-only. Requires coursework.manage.
 */
export async function listBankQuestions(actor: Actor, courseId: string, filterInput: BankFilterInput = {}): Promise<BankPage> {
  const course = await authorizeBank(actor, courseId);
  const filter = BankFilterSchema.parse(filterInput);
  const query = filterToQuery(filter);
  const where = bankQuestionWhere(course, query);
  const [total, rows, byType, tags] = await Promise.all([
    db.question.count({ where }),
    db.question.findMany({
      where,
      orderBy: BANK_ORDER,
      skip: (filter.page - 1) * QBANK_LIMITS.pageSize,
      take: QBANK_LIMITS.pageSize,
      select: BANK_QUESTION_SELECT,
    }),
    db.question.groupBy({ by: ["type"], where: bankQuestionWhere(course, { ...query, type: undefined }), _count: { _all: true } }),
    bankTagCounts(db, course, { source: filter.source }),
  ]);
  const counts = Object.fromEntries(QUESTION_TYPES.map((type) => [type, 0])) as Record<QuestionType, number>;
  for (const group of byType) counts[group.type] = group._count._all;
  return {
    course,
    filter,
    items: rows.map((row) => toBankQuestion(row, course.courseId)),
    total,
    pageCount: Math.max(1, Math.ceil(total / QBANK_LIMITS.pageSize)),
    counts,
    tags,
  };
}

/** Tags of the questions a course may use (its own and the department's shared ones), for draw rules and filters. */
export async function listBankTags(actor: Actor, courseId: string): Promise<TagCount[]> {
  const course = await authorizeBank(actor, courseId);
  return bankTagCounts(db, course);
}

export interface CaseChoice {
  id: string;
  vignette: string;
  questionCount: number;
}

async function casesOf(courseId: string): Promise<CaseChoice[]> {
  const cases = await db.questionCase.findMany({
    where: { courseId },
    orderBy: { createdAt: "desc" },
    select: { id: true, vignette: true, _count: { select: { questions: { where: { archived: false } } } } },
  });
  return cases.map((c) => ({ id: c.id, vignette: c.vignette, questionCount: c._count.questions }));
}

/** What the new-question form offers: the course's case sets and its tags. */
export async function getQuestionFormOptions(actor: Actor, courseId: string) {
  const course = await authorizeBank(actor, courseId);
  const [cases, tags] = await Promise.all([casesOf(course.courseId), bankTagCounts(db, course)]);
  return { course, cases, tags: tags.map((t) => t.tag) };
}

/**
 * One question for the editor (or, when another course shares it, for reading), with the other questions of its
 * case set. not_found for a question this course cannot use.
 */
export async function getBankQuestion(actor: Actor, courseId: string, questionId: string) {
  const course = await authorizeBank(actor, courseId);
  if (!isWellFormedId(questionId)) throw new AppError("not_found");
  const row = await db.question.findFirst({
    where: { id: questionId, ...bankQuestionWhere(course, { archived: "any" }) },
    select: BANK_QUESTION_SELECT,
  });
  if (!row) throw new AppError("not_found");
  const question = toBankQuestion(row, course.courseId);
  const [siblings, options] = await Promise.all([
    row.caseId
      ? db.question.findMany({
          where: { caseId: row.caseId, archived: false },
          orderBy: [{ casePosition: "asc" }, { id: "asc" }],
          select: { id: true, type: true, stem: true, casePosition: true },
        })
      : [],
    question.editable ? Promise.all([casesOf(course.courseId), bankTagCounts(db, course)]) : Promise.resolve(null),
  ]);
  return {
    course,
    question,
    caseQuestions: siblings,
    cases: options?.[0] ?? [],
    tags: options?.[1].map((t) => t.tag) ?? [],
  };
}
