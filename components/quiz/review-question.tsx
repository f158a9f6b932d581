import { getTranslations } from "next-intl/server";
import { Markdown } from "@/components/markdown";
import type { ReviewQuestionView } from "@/lib/quiz/student-views";
import { positionalLabel } from "./option-label";

/** One question at review time: the student's answer against the key, the score, the explanation and any comment. */
export async function ReviewQuestion({ question, number, confidenceMarking }: { question: ReviewQuestionView; number: number; confidenceMarking: boolean }) {
  const t = await getTranslations("quiz.review");
  const tAttempt = await getTranslations("quiz.attempt");
  const response = question.response ?? [];
  const verdict =
    question.correct === null ? "marking" : question.correct ? "right" : question.score !== null && question.score > 0 ? "partial" : "wrong";
  const tone = { right: "border-emerald-300", partial: "border-amber-300", wrong: "border-red-300", marking: "border-slate-200" }[verdict];
  return (
    <li data-testid="review-question" data-verdict={verdict}>
      {question.vignette && (
        <div className="mb-2 rounded-xl border border-amber-200 bg-amber-50 p-3">
          <p className="mb-1 text-xs font-medium text-amber-900">{tAttempt("vignette")}</p>
          <Markdown source={question.vignette} className="text-sm" />
        </div>
      )}
      <section className={`rounded-xl border-2 bg-white p-4 shadow-sm ${tone}`}>
        <header className="mb-2 flex items-start justify-between gap-2 text-sm">
          <span className="font-medium">
            {tAttempt("questionNumber", { number })} · {tAttempt(`type.${question.type}`)}
          </span>
          <span className="shrink-0 tabular-nums">
            {question.score === null ? t("marking") : t("score", { score: question.score, points: question.points })}
          </span>
        </header>
        <Markdown source={question.stem} className="mb-3" />

        {(question.type === "SINGLE" || question.type === "MULTIPLE") && (
          <ul className="space-y-1.5 text-sm">
            {question.options.map((option, i) => {
              const picked = (response as string[]).includes(option.key);
              const key = question.correctOptions.includes(option.key);
              return (
                <li
                  key={option.key}
                  className={`flex items-start gap-2 rounded-lg border px-3 py-2 ${key ? "border-emerald-400 bg-emerald-50" : picked ? "border-red-300 bg-red-50" : "border-slate-200"}`}
                >
                  <span className="font-medium">{positionalLabel(i)}.</span>
                  <span className="flex-1">{option.text}</span>
                  {picked && <span className="shrink-0 text-xs">{t("yourChoice")}</span>}
                  {key && <span className="shrink-0 text-xs text-emerald-700">✓</span>}
                </li>
              );
            })}
          </ul>
        )}

        {question.type === "TRUE_FALSE" && (
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("yourAnswer")}</dt>
            <dd>{response.length ? (response[0] ? tAttempt("true") : tAttempt("false")) : t("noAnswer")}</dd>
            <dt className="text-slate-500">{t("rightAnswer")}</dt>
            <dd className="text-emerald-700">{Array.isArray(question.answer) && question.answer[0] ? tAttempt("true") : tAttempt("false")}</dd>
          </dl>
        )}

        {question.type === "FILL_IN" && (
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            {(Array.isArray(question.answer) ? question.answer : []).map((accepted, i) => (
              <div key={i} className="contents">
                <dt className="text-slate-500">{tAttempt("blank", { number: i + 1 })}</dt>
                <dd>
                  {(response as string[])[i]?.trim() || t("noAnswer")}
                  <span className="ml-2 text-emerald-700">
                    {t("accepted")}: {Array.isArray(accepted) ? accepted.join(" / ") : ""}
                  </span>
                </dd>
              </div>
            ))}
          </dl>
        )}

        {question.type === "SHORT_ANSWER" && (
          <div className="space-y-2 text-sm">
            <p className="whitespace-pre-wrap rounded-lg bg-slate-50 p-3">{(response as string[])[0]?.trim() || t("noAnswer")}</p>
            {question.referenceAnswer && (
              <div className="rounded-lg bg-emerald-50 p-3">
                <p className="mb-1 text-xs font-medium text-emerald-900">{t("reference")}</p>
                <Markdown source={question.referenceAnswer} />
              </div>
            )}
          </div>
        )}

        {confidenceMarking && question.type !== "SHORT_ANSWER" && question.confidence && (
          <p className="mt-2 text-xs text-slate-500">
            {t("confidence")}: {tAttempt(`confidenceLevel.${question.confidence}`)}
          </p>
        )}
        {question.feedback && (
          <p className="mt-2 rounded-lg bg-sky-50 p-2 text-sm text-sky-900">
            {t("feedback")}: {question.feedback}
          </p>
        )}
        {question.explanation && (
          <div className="mt-3 border-t border-slate-100 pt-2">
            <p className="mb-1 text-xs font-medium text-slate-600">{t("explanation")}</p>
            <Markdown source={question.explanation} className="text-sm" />
          </div>
        )}
      </section>
    </li>
  );
}
