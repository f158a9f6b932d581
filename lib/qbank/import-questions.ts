import type { QuestionType } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/authz";
import { writeAudit } from "@/lib/audit/write-audit";
import { type Tx, db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeBank } from "./authorize-bank";
import { type CheckedQuestion, checkDrafts } from "./formats/check-drafts";
import { type ImportFormat, type ImportIssue, LOCATION_UNIT, type LocationUnit } from "./formats/types";
import { QUESTION_TYPES } from "./question-shapes";
import { type QuestionFile, readQuestionFile } from "./read-question-file";
import type { QuestionData } from "./schemas";

/** One question of the preview, as it will be saved. */
export interface ImportPreviewQuestion extends QuestionData {
  at: number;
  caseKey: string | null;
  /** The bank already has this very question (same type, stem, options, answer and vignette): it is skipped. */
  duplicate: boolean;
}

export interface QuestionImportSummary {
  committed: boolean;
  format: ImportFormat;
  unit: LocationUnit;
  questions: ImportPreviewQuestion[];
  cases: { key: string; vignette: string }[];
  errors: ImportIssue[];
  counts: { questions: number; cases: number; duplicates: number; byType: Record<QuestionType, number> };
}

// A thousand questions in one transaction: more than the default 5 s on a busy PGlite.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 60_000 };

/**
 * Imports a question file (Excel, CSV, GIFT or Moodle XML) into a course's bank. With `dryRun` it only reads and
 * checks, returning what would be saved and every located error. Otherwise the file is read and checked again
 * and saved in one transaction — all of it, or nothing when any question has an error (qbank.invalid_file with
 * the errors in details.errors). Questions the bank already holds are skipped, so importing a file twice adds
 * nothing the second time.
 */
export async function importQuestions(
  actor: Actor,
  courseId: string,
  file: QuestionFile,
  options: { dryRun: boolean; shared?: boolean },
): Promise<QuestionImportSummary> {
  const course = await authorizeBank(actor, courseId);
  const { format, parsed } = await readQuestionFile(file);
  const checked = checkDrafts(parsed.drafts);
  const errors = [...parsed.errors, ...checked.errors].sort((a, b) => a.at - b.at);
  const vignetteOf = new Map(checked.cases.map((c) => [c.key, c.vignette]));

  const plan = async (client: Tx) => {
    const existing = await fingerprintsOf(client, course.courseId);
    return markDuplicates(checked.questions, vignetteOf, existing);
  };
  const summary = (questions: ImportPreviewQuestion[], committed: boolean): QuestionImportSummary => ({
    committed,
    format,
    unit: LOCATION_UNIT[format],
    questions,
    cases: checked.cases,
    errors,
    counts: countsOf(questions),
  });

  if (options.dryRun) return summary(await plan(db), false);
  if (errors.length) throw new AppError("qbank.invalid_file", { errors, unit: LOCATION_UNIT[format] });

  const questions = await db.$transaction(async (tx) => {
    // Checked again inside the transaction: an import running at the same time may have added the same questions.
    const questions = await plan(tx);
    const fresh = questions.filter((q) => !q.duplicate);
    const caseIds = new Map<string, string>();
    for (const key of new Set(fresh.map((q) => q.caseKey).filter((key): key is string => key !== null))) {
      const created = await tx.questionCase.create({ data: { courseId: course.courseId, vignette: vignetteOf.get(key)! }, select: { id: true } });
      caseIds.set(key, created.id);
    }
    const positions = new Map<string, number>();
    await tx.question.createMany({
      data: fresh.map(({ at: _at, caseKey, duplicate: _duplicate, ...data }) => {
        const caseId = caseKey ? caseIds.get(caseKey)! : null;
        const casePosition = caseId ? (positions.get(caseId) ?? 0) + 1 : null;
        if (caseId) positions.set(caseId, casePosition!);
        return { ...data, courseId: course.courseId, shared: options.shared ?? false, caseId, casePosition, createdById: actor.id };
      }),
    });
    await writeAudit(tx, actor, "qbank.import", course.courseId, {
      file: file.name.slice(0, 200),
      format,
      questions: fresh.length,
      cases: caseIds.size,
      duplicates: questions.length - fresh.length,
    }, course);
    return questions;
  }, TRANSACTION_OPTIONS);
  return summary(questions, true);
}

const fingerprint = (q: { type: string; stem: string; options: unknown; answer: unknown }, vignette: string | null) =>
  JSON.stringify([q.type, q.stem.trim(), q.options, q.answer, vignette?.trim() ?? ""]);

async function fingerprintsOf(client: Tx, courseId: string): Promise<Set<string>> {
  const rows = await client.question.findMany({
    where: { courseId, archived: false },
    select: { type: true, stem: true, options: true, answer: true, case: { select: { vignette: true } } },
  });
  return new Set(rows.map((row) => fingerprint(row, row.case?.vignette ?? null)));
}

/** A case set is skipped only when every question of it is already there; otherwise it is imported whole. */
function markDuplicates(questions: CheckedQuestion[], vignetteOf: Map<string, string>, existing: Set<string>): ImportPreviewQuestion[] {
  const marked = questions.map((q) => ({
    ...q.data,
    at: q.at,
    caseKey: q.caseKey,
    duplicate: existing.has(fingerprint(q.data, q.caseKey ? (vignetteOf.get(q.caseKey) ?? null) : null)),
  }));
  const partlyNew = new Set(marked.filter((q) => q.caseKey && !q.duplicate).map((q) => q.caseKey));
  return marked.map((q) => (q.caseKey && partlyNew.has(q.caseKey) ? { ...q, duplicate: false } : q));
}

/** What the import adds (duplicates not counted). */
function countsOf(questions: ImportPreviewQuestion[]): QuestionImportSummary["counts"] {
  const fresh = questions.filter((q) => !q.duplicate);
  const byType = Object.fromEntries(QUESTION_TYPES.map((type) => [type, fresh.filter((q) => q.type === type).length])) as Record<QuestionType, number>;
  const cases = new Set(fresh.map((q) => q.caseKey).filter(Boolean)).size;
  return { questions: fresh.length, cases, duplicates: questions.length - fresh.length, byType };
}
