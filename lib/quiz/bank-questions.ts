import type { QuestionType } from "@/generated/prisma/client";
import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { bankQuestionWhere } from "@/lib/qbank/bank-scope";
import { type BankFilter, BankFilterSchema } from "./schemas";

/** A bank question as the quiz editor lists it (the teacher's own tool: no need to hide anything, but keep it short). */
export interface BankQuestionRow {
  id: string;
  type: QuestionType;
  /** The stem's first characters, as plain text. */
  stem: string;
  difficulty: number;
  tags: string[];
  inCase: boolean;
  /** Set for a question shared by another course of the department. */
  fromCourse: string | null;
}

export const BANK_PAGE = 100;

export const BANK_ROW_SELECT = {
  id: true,
  type: true,
  stem: true,
  difficulty: true,
  tags: true,
  caseId: true,
  courseId: true,
  course: { select: { title: true } },
} as const;

const STEM_PREVIEW = 160;

export function bankRowOf(
  courseId: string,
  row: { id: string; type: QuestionType; stem: string; difficulty: number; tags: string[]; caseId: string | null; courseId: string; course: { title: string } },
): BankQuestionRow {
  const stem = row.stem.replace(/\s+/g, " ").trim();
  return {
    id: row.id,
    type: row.type,
    stem: stem.length > STEM_PREVIEW ? `${stem.slice(0, STEM_PREVIEW)}…` : stem,
    difficulty: row.difficulty,
    tags: row.tags,
    inCase: row.caseId !== null,
    fromCourse: row.courseId === courseId ? null : row.course.title,
  };
}

/** The question picker: the course's bank and its department's shared questions, filtered by tag, type, difficulty, text. */
export async function searchBank(actor: Actor, courseId: string, filter: BankFilter = {}): Promise<BankQuestionRow[]> {
  const { departmentId } = await authorizeCourse(actor, courseId, "coursework.manage");
  const data = BankFilterSchema.parse(filter);
  const where = bankQuestionWhere({ courseId, departmentId }, { tag: data.tag, type: data.type, difficulty: data.difficulty, q: data.text });
  const rows = await db.question.findMany({
    where,
    select: BANK_ROW_SELECT,
    orderBy: [{ courseId: "asc" }, { caseId: "asc" }, { casePosition: "asc" }, { createdAt: "asc" }],
    take: BANK_PAGE,
  });
  return rows.map((row) => bankRowOf(courseId, row));
}
