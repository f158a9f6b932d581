"use client";
import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/field";
import type { CorrectAnswer, PracticeQuestionView } from "@/lib/practice/question-view";
import { QUESTION_LIMITS } from "@/lib/qbank/question-shapes";

/** What the student has entered so far: option keys, a verdict, or one text per blank. */
export type Draft = { keys: string[]; verdict: boolean | null; blanks: string[] };

export const emptyDraft = (question: PracticeQuestionView): Draft => ({ keys: [], verdict: null, blanks: Array.from({ length: question.blankCount }, () => "") });

/** The response JSON of lib/qbank/question-shapes.ts for the question's type. */
export function responseOf(question: PracticeQuestionView, draft: Draft): string[] | boolean[] {
  switch (question.type) {
    case "SINGLE":
    case "MULTIPLE":
      return draft.keys;
    case "TRUE_FALSE":
      return draft.verdict === null ? [] : [draft.verdict];
    case "FILL_IN":
      return draft.blanks;
  }
}

export const isDraftEmpty = (question: PracticeQuestionView, draft: Draft): boolean =>
  !responseOf(question, draft).some((value) => (typeof value === "string" ? value.trim() !== "" : true));

const rightKeysOf = (answer: CorrectAnswer | undefined): string[] => (answer ?? []).flatMap((value) => (typeof value === "string" ? [value] : []));

/**
 * The controls of one question: big touch targets for a phone. Once answered they are locked and, for choices,
 * coloured: the right options green, a wrongly picked one red.
 */
export function AnswerInputs({ question, draft, onChange, answer, locked }: {
  question: PracticeQuestionView;
  draft: Draft;
  onChange: (draft: Draft) => void;
  /** The right answer, once the server has revealed it. */
  answer?: CorrectAnswer;
  locked: boolean;
}) {
  const t = useTranslations("practice.question");
  const name = `q-${question.id}`;

  if (question.type === "SINGLE" || question.type === "MULTIPLE") {
    const multiple = question.type === "MULTIPLE";
    const right = new Set(rightKeysOf(answer));
    return (
      <fieldset className="space-y-2" disabled={locked}>
        <legend className="sr-only">{t(`type.${question.type}`)}</legend>
        {multiple && <p className="text-xs text-slate-500">{t("multipleHint")}</p>}
        {question.options.map((option) => {
          const picked = draft.keys.includes(option.key);
          const tone = !answer ? (picked ? "border-brand-500 bg-brand-50" : "border-slate-200") : right.has(option.key) ? "border-emerald-500 bg-emerald-50" : picked ? "border-red-400 bg-red-50" : "border-slate-200";
          return (
            <label key={option.key} data-testid={`practice-option-${option.key}`} data-picked={picked} className={`flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border px-3 py-2 text-sm ${tone}`}>
              <input
                type={multiple ? "checkbox" : "radio"}
                name={name}
                value={option.key}
                checked={picked}
                onChange={() =>
                  onChange({ ...draft, keys: multiple ? (picked ? draft.keys.filter((key) => key !== option.key) : [...draft.keys, option.key].sort()) : [option.key] })
                }
                className="mt-1 size-4 shrink-0 accent-brand-600"
              />
              <span>
                <span className="mr-1 font-semibold">{option.key}.</span>
                {option.text}
              </span>
            </label>
          );
        })}
      </fieldset>
    );
  }

  if (question.type === "TRUE_FALSE") {
    const right = answer?.[0];
    return (
      <fieldset className="grid grid-cols-2 gap-2" disabled={locked}>
        <legend className="sr-only">{t("type.TRUE_FALSE")}</legend>
        {[true, false].map((value) => {
          const picked = draft.verdict === value;
          const tone = answer === undefined ? (picked ? "border-brand-500 bg-brand-50" : "border-slate-200") : right === value ? "border-emerald-500 bg-emerald-50" : picked ? "border-red-400 bg-red-50" : "border-slate-200";
          return (
            <label key={String(value)} data-testid={`practice-tf-${value}`} className={`flex min-h-11 cursor-pointer items-center justify-center gap-2 rounded-lg border px-3 py-2 text-sm font-medium ${tone}`}>
              <input type="radio" name={name} checked={picked} onChange={() => onChange({ ...draft, verdict: value })} className="size-4 accent-brand-600" />
              {t(value ? "true" : "false")}
            </label>
          );
        })}
      </fieldset>
    );
  }

  return (
    <div className="space-y-2">
      {draft.blanks.map((text, i) => (
        <label key={i} className="block text-sm">
          <span className="mb-1 block text-slate-600">{t("blank", { n: i + 1 })}</span>
          <input
            data-testid={`practice-blank-${i}`}
            className={inputClass}
            value={text}
            disabled={locked}
            maxLength={QUESTION_LIMITS.accepted}
            autoComplete="off"
            onChange={(event) => onChange({ ...draft, blanks: draft.blanks.map((old, j) => (j === i ? event.target.value : old)) })}
          />
        </label>
      ))}
    </div>
  );
}
