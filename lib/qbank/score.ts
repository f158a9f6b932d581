import { QuestionContentSchema, type QuestionResponse, type ScorableQuestion, isAnswered, parseResponse } from "./question-shapes";

/**
 * Scoring of every question type — the one place quizzes, practice and the mistake book decide right or wrong.
 *
 * `fraction` is the share of the points earned, 0–1. Multiple choice follows the question's partial-credit rule:
 *   ALL_OR_NOTHING     1 for exactly the right set, else 0
 *   RIGHT_MINUS_WRONG  (right picked − wrong picked) / right keys, at least 0
 *   HALF_FOR_SUBSET    1 for the right set; 0.5 when only right keys were picked but some are missing (漏选); else 0
 * Fill-in: each blank is right when the answer matches one of its accepted answers after normalising (NFKC, so
 * full-width ＡＢＣ and half-width ABC are the same; spaces collapsed; case ignored when the question says so). With
 * ALL_OR_NOTHING every blank must be right; otherwise the fraction is the share of right blanks.
 * Short answers are not scored here: `fraction` is null and a teacher marks them.
 */
export interface ScoreResult {
  /** null: needs a teacher's marking. */
  fraction: number | null;
  /** Fully right (fraction 1). null while unmarked. */
  correct: boolean | null;
  answered: boolean;
}

export function normalizeText(value: string, caseInsensitive: boolean): string {
  const text = value.normalize("NFKC").replace(/\s+/g, " ").trim();
  return caseInsensitive ? text.toLowerCase() : text;
}

function choiceFraction(rule: ScorableQuestion["partialCredit"], answer: readonly string[], picked: readonly string[]): number {
  const right = new Set(answer);
  const chosen = new Set(picked);
  const rightPicked = [...chosen].filter((key) => right.has(key)).length;
  const wrongPicked = chosen.size - rightPicked;
  if (rightPicked === right.size && wrongPicked === 0) return 1;
  switch (rule) {
    case "ALL_OR_NOTHING":
      return 0;
    case "RIGHT_MINUS_WRONG":
      return Math.max(0, (rightPicked - wrongPicked) / right.size);
    case "HALF_FOR_SUBSET":
      return wrongPicked === 0 && rightPicked > 0 ? 0.5 : 0;
  }
}

function fillInFraction(question: ScorableQuestion, accepted: readonly (readonly string[])[], response: readonly string[]): number {
  const rightBlanks = accepted.filter((alternatives, i) => {
    const given = normalizeText(response[i] ?? "", question.caseInsensitive);
    return given !== "" && alternatives.some((alt) => normalizeText(alt, question.caseInsensitive) === given);
  }).length;
  if (question.partialCredit === "ALL_OR_NOTHING") return rightBlanks === accepted.length ? 1 : 0;
  return rightBlanks / accepted.length;
}

export function scoreResponse(question: ScorableQuestion, rawResponse: unknown): ScoreResult {
  const response: QuestionResponse | null = parseResponse(question.type, rawResponse);
  const answered = isAnswered(response);
  if (question.type === "SHORT_ANSWER") return { fraction: null, correct: null, answered };
  const content = QuestionContentSchema.safeParse({ type: question.type, options: question.options, answer: question.answer });
  // A question whose stored key is broken scores nothing rather than crashing a whole quiz.
  if (!content.success || !answered || !response) return { fraction: 0, correct: false, answered };
  let fraction = 0;
  switch (content.data.type) {
    case "SINGLE":
    case "MULTIPLE":
      fraction = choiceFraction(question.partialCredit, content.data.answer, response as string[]);
      if (content.data.type === "SINGLE") fraction = fraction === 1 ? 1 : 0;
      break;
    case "TRUE_FALSE":
      fraction = (response as boolean[])[0] === content.data.answer[0] ? 1 : 0;
      break;
    case "FILL_IN":
      fraction = fillInFraction(question, content.data.answer, response as string[]);
      break;
  }
  return { fraction, correct: fraction === 1, answered };
}

/**
 * Confidence-based marking (Gardner-Medwin's LAPT scheme, as in Moodle's CBM): the student says how sure they are,
 * 1 (unsure) – 3 (sure). Right earns 1 / 2 / 3 marks, wrong costs 0 / −2 / −6, so stating more certainty than one
 * has does not pay. Partly right (fraction between 0 and 1) earns that share of the right-answer marks, no
 * penalty. The result is scaled so that a sure right answer earns the question's full points.
 */
export const CBM_MARKS = { right: [1, 2, 3], wrong: [0, -2, -6] } as const;
export const CONFIDENCE_LEVELS = [1, 2, 3] as const;

export function confidenceScore(points: number, fraction: number, confidence: number | null): number {
  const level = confidence && CONFIDENCE_LEVELS.includes(confidence as 1 | 2 | 3) ? confidence : 1;
  const marks = fraction === 0 ? CBM_MARKS.wrong[level - 1] : fraction * CBM_MARKS.right[level - 1];
  return (points * marks) / 3;
}

/** Points earned for one question: fraction × points, or the CBM score when the quiz uses confidence marking. */
export function pointsFor(points: number, fraction: number, options: { confidenceMarking: boolean; confidence: number | null }): number {
  const raw = options.confidenceMarking ? confidenceScore(points, fraction, options.confidence) : points * fraction;
  return Math.round(raw * 100) / 100;
}
