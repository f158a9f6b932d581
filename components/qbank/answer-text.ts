import type { QuestionType } from "@/generated/prisma/client";

/** A question's key in one line: "ACD", "对", "二尖瓣 / mitral；收缩期", or the reference answer. */
export function answerText(
  question: { type: QuestionType; answer: unknown; referenceAnswer: string },
  words: { true: string; false: string; blankSeparator: string },
): string {
  const answer = Array.isArray(question.answer) ? (question.answer as unknown[]) : [];
  switch (question.type) {
    case "SINGLE":
    case "MULTIPLE":
      return answer.join("");
    case "TRUE_FALSE":
      return answer[0] === true ? words.true : answer[0] === false ? words.false : "";
    case "FILL_IN":
      return (answer as string[][]).map((alternatives) => alternatives.join(" / ")).join(words.blankSeparator);
    case "SHORT_ANSWER":
      return question.referenceAnswer;
  }
}
