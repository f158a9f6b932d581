import { ZodError } from "zod";

/**
 * Every error a user can be shown. Messages live in messages/<locale>/errors.json under the same code;
 * the UI translates the code and never shows an exception's message.
 */
export const ERROR_CODES = [
  "auth.unauthenticated",
  "auth.forbidden",
  "auth.invalid_credentials",
  "auth.rate_limited",
  "auth.disabled",
  "auth.wrong_password",
  "auth.password_too_weak",
  "auth.password_mismatch",
  "auth.password_same",
  "not_found",
  "validation",
  "conflict",
  "file.too_large",
  "file.wrong_type",
  "file.unreadable",
  "file.empty",
  "course.weights_not_100",
  "course.code_taken",
  "course.not_staff",
  "user.no_taken",
  "user.self_action",
  "department.code_taken",
  "department.not_empty",
  "roster.invalid_rows",
  "roster.not_student",
  "roster.missing_columns",
  "roster.too_many_rows",
  "roster.no_such_student",
  "roster.already_member",
  "roster.group_exists",
  "lesson.ends_before_start",
  "live.signin_code_invalid",
  "live.signin_closed",
  "live.topic_closed",
  "live.rate_limited",
  "live.answer_empty",
  "live.invalid_choices",
  "live.answer_locked",
  "live.poll_options",
  "upload.empty",
  "upload.too_large",
  "upload.wrong_type",
  "upload.too_many",
  "preclass.not_open",
  "preclass.closed",
  "preclass.not_deidentified",
  "preclass.closes_before_opens",
  "preclass.closes_in_past",
  "preclass.stage_locked",
  "preclass.unknown_objective",
  "preclass.ratings_incomplete",
  "feedback.too_many_tags",
  "plan.unchanged",
  "notes.no_group",
  "threads.no_group",
  "threads.group_required",
  "threads.answer_hidden",
  "binding.consent_required",
  "binding.consent_outdated",
  "binding.openid_taken",
  "binding.not_bound",
  "binding.oauth_failed",
  "binding.oauth_denied",
  "binding.expired",
  // qbank (question bank, import, export)
  "qbank.shared_read_only",
  "qbank.invalid_file",
  "qbank.missing_columns",
  "qbank.too_many_questions",
  "qbank.wrong_file_type",
  "qbank.no_questions",
  // quiz
  "quiz.not_open",
  "quiz.closed",
  "quiz.no_attempts_left",
  "quiz.attempt_submitted",
  "quiz.time_up",
  "quiz.empty",
  "quiz.closes_before_opens",
  "quiz.closes_in_past",
  "quiz.close_required",
  "quiz.not_enough_questions",
  "quiz.locked",
  "quiz.has_attempts",
  "quiz.invalid_response",
  "quiz.unknown_question",
  "quiz.unknown_lesson",
  "quiz.unknown_assessment",
  "quiz.score_out_of_range",
  "quiz.not_markable",
  // practice (self-assessment, mistake book)
  "practice.invalid_answer",
  "practice.empty_answer",
  // homework
  "homework.no_submission_kind",
  "homework.no_file_types",
  "homework.due_in_past",
  "homework.grading_started",
  "homework.has_submissions",
  "homework.closed",
  "homework.empty",
  "homework.wrong_type",
  "homework.file_too_large",
  "homework.too_many_files",
  "homework.already_graded",
  "homework.rubric_incomplete",
  "homework.points_too_high",
  "homework.extension_not_later",
  "homework.not_student",
  // evaluation
  "evaluation.closes_before_opens",
  "evaluation.closes_in_past",
  "evaluation.not_open",
  "evaluation.closed",
  "evaluation.already_answered",
  "evaluation.ratings_incomplete",
  "evaluation.unknown_item",
  "evaluation.items_locked",
  "evaluation.lesson_not_in_course",
  // points
  // peer (peer review)
  "peer.wrong_phase",
  "peer.invalid_transition",
  "peer.dates_out_of_order",
  "peer.rubric_locked",
  "peer.anonymity_locked",
  "peer.too_many_examples",
  "peer.no_reference",
  "peer.no_submission_kind",
  "peer.empty_submission",
  "peer.submission_locked",
  "peer.calibrate_first",
  "peer.calibration_done",
  "peer.assessment_incomplete",
  "peer.self_review",
  "peer.not_reviewer",
  "peer.already_flagged",
  "peer.pdf_metadata_unremovable",
  // analytics
  "analytics.duplicate_competency",
  "analytics.unknown_competency",
  "analytics.unknown_table",
  // audit
  "audit.too_many_rows",
  "common.unexpected",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = "AppError";
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

export type FieldErrors = Record<string, string[]>;

export type ActionResult<T = void> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; fieldErrors?: FieldErrors; details?: Record<string, unknown> };

/** Zod issues keyed by field path; each message is an error code or a `validation.*` key for the UI to translate. */
export function fieldErrorsOf(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(validationKeyOf(issue));
  }
  return out;
}

function validationKeyOf(issue: ZodError["issues"][number]): string {
  if (issue.message.startsWith("validation.")) return issue.message;
  switch (issue.code) {
    case "too_small":
      return issue.origin === "string" && issue.minimum === 1 ? "validation.required" : "validation.too_small";
    case "too_big":
      return "validation.too_big";
    case "invalid_format":
      return "validation.invalid_format";
    case "invalid_type":
      return /received (undefined|null)$/.test(issue.message) ? "validation.required" : "validation.invalid";
    default:
      return "validation.invalid";
  }
}

/** Prisma's known request errors carry a string code such as P2002 (unique) or P2025 (record not found). */
export function prismaCodeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : undefined;
}

/** Turns anything thrown by domain code into a result the UI can show; unknown errors are logged, never shown. */
export function toErrorResult(error: unknown): Extract<ActionResult, { ok: false }> {
  if (error instanceof AppError) return { ok: false, code: error.code, details: error.details };
  if (error instanceof ZodError) return { ok: false, code: "validation", fieldErrors: fieldErrorsOf(error) };
  const prismaCode = prismaCodeOf(error);
  if (prismaCode === "P2025") return { ok: false, code: "not_found" };
  if (prismaCode === "P2002") return { ok: false, code: "conflict" };
  console.error("[unexpected]", error);
  return { ok: false, code: "common.unexpected" };
}

export const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  "auth.unauthenticated": 401,
  "auth.forbidden": 403,
  "auth.invalid_credentials": 401,
  "auth.rate_limited": 429,
  "auth.disabled": 403,
  not_found: 404,
  conflict: 409,
  "file.too_large": 413,
  "upload.too_large": 413,
  "upload.wrong_type": 415,
  "homework.file_too_large": 413,
  "homework.wrong_type": 415,
  "common.unexpected": 500,
};

export const httpStatusOf = (code: ErrorCode): number => HTTP_STATUS[code] ?? 400;
