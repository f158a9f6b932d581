import type { Prisma, QuestionType } from "@/generated/prisma/client";
import type { BankSource } from "./schemas";

/** The course whose bank is read: its own questions plus those other courses of its department share. */
export interface BankScope {
  courseId: string;
  departmentId: string;
}

export interface BankQuery {
  /** "course": its own questions; "shared": other courses' shared ones; "all" (default): both. */
  source?: BankSource;
  /** false (default): in use; true: the course's archived questions; "any": both. Shared ones are never archived ones. */
  archived?: boolean | "any";
  type?: QuestionType;
  tag?: string;
  /** Several tags: a question with any of them. */
  tagsAny?: string[];
  difficulty?: number;
  /** Words in the stem, the explanation or the case vignette (case-insensitive). */
  q?: string;
  caseId?: string;
}

/**
 * The Prisma filter for the questions a course may use. Quizzes (chosen or drawn by tag/difficulty) and the bank
 * list both go through it, so a question from another department or an archived one can never slip in. It does
 * not authorize: call authorizeBank (or your own authorizeCourse) first and pass its course and department.
 */
export function bankQuestionWhere(scope: BankScope, query: BankQuery = {}): Prisma.QuestionWhereInput {
  const source = query.source ?? "all";
  const archived = query.archived ?? false;
  const own: Prisma.QuestionWhereInput = { courseId: scope.courseId, ...(archived === "any" ? {} : { archived }) };
  // Other courses' archived questions never show; an archived course's shared questions still serve next year's course.
  const shared: Prisma.QuestionWhereInput = {
    shared: true,
    archived: false,
    courseId: { not: scope.courseId },
    course: { departmentId: scope.departmentId },
  };
  const parts: Prisma.QuestionWhereInput[] = [];
  if (source === "course" || archived === true) parts.push(own);
  else if (source === "shared") parts.push(shared);
  else parts.push({ OR: [own, shared] });
  if (query.type) parts.push({ type: query.type });
  if (query.tag) parts.push({ tags: { has: query.tag } });
  if (query.tagsAny?.length) parts.push({ tags: { hasSome: query.tagsAny } });
  if (query.difficulty) parts.push({ difficulty: query.difficulty });
  if (query.caseId) parts.push({ caseId: query.caseId });
  if (query.q) {
    parts.push({
      OR: [
        { stem: { contains: query.q, mode: "insensitive" } },
        { explanation: { contains: query.q, mode: "insensitive" } },
        { case: { vignette: { contains: query.q, mode: "insensitive" } } },
      ],
    });
  }
  return { AND: parts };
}

/** Newest first; questions saved together (an import) in file order, a case's in their order. */
export const BANK_ORDER: Prisma.QuestionOrderByWithRelationInput[] = [{ createdAt: "desc" }, { casePosition: "asc" }, { id: "asc" }];
