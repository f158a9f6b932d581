/**
 * Whether a piece of pre-class feedback or a homework submission earns points (seed 004: participation rewarded, but
 * never for empty or copied answers). Deliberately simple and explainable to a student: enough real characters, not
 * a "nothing to say", and not the same text another student already wrote.
 */

/** Letters, digits and CJK characters that remain after punctuation, symbols and spaces are removed. */
export const MIN_MEANINGFUL_CHARS = 5;

/**
 * The comparable core of a text: full-width/half-width unified (NFKC), lower case, and everything that is not a
 * letter, mark or number removed — so "心音 分裂？" and "心音分裂" compare equal, and "。。。。。" is empty.
 */
export function normaliseText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "");
}

// "Nothing to say" answers long enough to pass the length rule: 暂时没有什么问题, 没有不明白的地方, 都懂了, no questions.
const NOTHING_ANSWERS = [
  /^(?:暂时|目前|暂|还|基本|基本上|都|也)*(?:没有|没|无|暂无)(?:什么|任何|其他|别的)*(?:问题|疑问|疑惑|不懂|不会|不清楚|不明白|不理解)*(?:的地方|的内容|的)?(?:了|呢)?$/u,
  /^(?:暂时|目前|基本|基本上|都|全部|全|我)*(?:懂|明白|清楚|理解|会)了?(?:谢谢|谢谢老师)?$/u,
  /^(?:ihave|i)?(?:no|none|nothing)(?:questions?|problems?|unclear|isunclear)?(?:yet|fornow|atthemoment)?$/u,
];

const countChars = (text: string) => [...text].length;

/**
 * Substance of one normalised text: at least MIN_MEANINGFUL_CHARS characters, more than one distinct character
 * ("啊啊啊啊啊", "11111" say nothing), and not a stock "nothing unclear" phrase.
 */
export function isMeaningful(normalised: string): boolean {
  if (countChars(normalised) < MIN_MEANINGFUL_CHARS) return false;
  if (new Set(normalised).size < 2) return false;
  return !NOTHING_ANSWERS.some((pattern) => pattern.test(normalised));
}

export interface FeedbackText {
  unclear: string;
  questions: string;
}

/**
 * Pre-class feedback earns points when what is unclear or the questions say something of the student's own: a
 * meaningful text that is not identical (after normalising) to any text another student wrote for the same lesson.
 * The confidence ratings do not count: the form has no default — every objective must be rated before it can be
 * sent — so ratings cannot tell a considered answer from clicking through.
 */
export function feedbackHasSubstance(own: FeedbackText, othersTexts: readonly string[]): boolean {
  const taken = new Set(othersTexts.map(normaliseText).filter((text) => text.length > 0));
  return [own.unclear, own.questions].some((text) => {
    const normalised = normaliseText(text);
    return isMeaningful(normalised) && !taken.has(normalised);
  });
}

export interface HomeworkWork {
  text: string;
  /** Files handed in with it. */
  fileCount: number;
}

/**
 * A homework submission earns its on-time points when it has something of the student's own: a file (what is in it
 * is the grader's to judge), or a meaningful text that is neither another student's submission of the same homework
 * (after normalising) nor one with only a few characters added ("谢谢老师") — what is added must say something itself.
 */
export function homeworkHasSubstance(own: HomeworkWork, othersTexts: readonly string[]): boolean {
  if (own.fileCount > 0) return true;
  const normalised = normaliseText(own.text);
  if (!isMeaningful(normalised)) return false;
  return !othersTexts.some((text) => {
    const other = normaliseText(text);
    return other.length > 0 && normalised.includes(other) && !isMeaningful(normalised.split(other).join(""));
  });
}
