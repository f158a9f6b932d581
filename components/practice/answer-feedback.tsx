"use client";
import { useFormatter, useTranslations } from "next-intl";
import { Markdown } from "@/components/markdown";
import { TIME_ZONE } from "@/i18n/config";
import type { PracticeQuestionView } from "@/lib/practice/question-view";
import type { PracticeFeedback } from "@/lib/practice/save-practice-answer";

const DAY = { month: "numeric", day: "numeric", weekday: "short", timeZone: TIME_ZONE } as const;

/** The verdict, the right answer, the explanation and what the mistake book did with the question. */
export function AnswerFeedback({ question, feedback }: { question: PracticeQuestionView; feedback: PracticeFeedback }) {
  const t = useTranslations("practice.feedback");
  const tq = useTranslations("practice.question");
  const format = useFormatter();
  const verdict = feedback.correct ? "correct" : feedback.fraction > 0 ? "partial" : "wrong";
  const tone = { correct: "bg-emerald-50 text-emerald-800", partial: "bg-amber-50 text-amber-900", wrong: "bg-red-50 text-red-700" }[verdict];

  return (
    <section data-testid="practice-feedback" data-correct={feedback.correct} aria-live="polite" className="space-y-3">
      <p className={`rounded-lg px-3 py-2 text-sm font-semibold ${tone}`}>
        {verdict === "partial" ? t("partial", { percent: format.number(feedback.fraction, { style: "percent", maximumFractionDigits: 0 }) }) : t(verdict)}
      </p>
      <div className="text-sm">
        <p className="font-medium text-slate-700">{t("rightAnswer")}</p>
        <div data-testid="practice-right-answer" className="mt-1 text-slate-900">
          {question.type === "TRUE_FALSE" && <p>{tq(feedback.answer[0] === true ? "true" : "false")}</p>}
          {(question.type === "SINGLE" || question.type === "MULTIPLE") && <p className="font-semibold">{feedback.answer.join("、")}</p>}
          {question.type === "FILL_IN" && (
            <ul className="space-y-0.5">
              {feedback.answer.map((accepted, i) => (
                <li key={i}>{t("blankAnswer", { n: i + 1, accepted: Array.isArray(accepted) ? accepted.join(" / ") : String(accepted) })}</li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <div className="text-sm">
        <p className="font-medium text-slate-700">{t("explanation")}</p>
        {feedback.explanation.trim() ? (
          <Markdown source={feedback.explanation} className="mt-1 text-sm" />
        ) : (
          <p className="mt-1 text-slate-500">{t("noExplanation")}</p>
        )}
      </div>
      {feedback.mistake && (
        <p data-testid="practice-mistake-status" className="rounded-lg bg-slate-100 px-3 py-2 text-xs text-slate-700">
          {feedback.mistake.masteredAt
            ? t("mastered")
            : t(feedback.correct ? "scheduled" : "filed", { box: feedback.mistake.box, date: format.dateTime(new Date(feedback.mistake.dueAt), DAY) })}
        </p>
      )}
      {feedback.streakAwarded && (
        <p data-testid="practice-streak" className="rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-900">
          {t("streak")}
        </p>
      )}
    </section>
  );
}
