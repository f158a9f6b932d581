import { getTranslations } from "next-intl/server";
import { Markdown } from "@/components/markdown";
import { Badge } from "@/components/ui/badge";
import type { BankQuestion } from "@/lib/qbank/queries";
import { answerText } from "./answer-text";

/** A question with its answer and explanation, read-only (another course's shared question). */
export async function QuestionView({ question }: { question: BankQuestion }) {
  const t = await getTranslations("qbank");
  const keys: unknown[] = Array.isArray(question.answer) ? question.answer : [];
  const words = { true: t("trueFalse.true"), false: t("trueFalse.false"), blankSeparator: t("list.blankSeparator") };
  return (
    <article className="space-y-4" data-testid="question-view">
      <div className="flex flex-wrap gap-1.5">
        <Badge tone="blue">{t(`types.${question.type}`)}</Badge>
        <Badge>{t("difficulty.value", { value: question.difficulty })}</Badge>
        {question.type === "MULTIPLE" && <Badge>{t(`rules.${question.partialCredit}`)}</Badge>}
      </div>
      {question.case && (
        <section className="rounded-lg border border-amber-200 bg-amber-50 p-3">
          <h3 className="mb-1 text-sm font-semibold text-amber-900">{t("list.caseBanner")}</h3>
          <Markdown source={question.case.vignette} className="text-sm" />
        </section>
      )}
      <Markdown source={question.stem} />
      {question.options.length > 0 && (
        <ol className="space-y-1 text-sm">
          {question.options.map((option) => (
            <li key={option.key} className={keys.includes(option.key) ? "font-medium text-emerald-800" : ""}>
              {option.key}. {option.text}
            </li>
          ))}
        </ol>
      )}
      <p className="text-sm">
        {question.type === "SHORT_ANSWER"
          ? t("list.referenceAnswer", { answer: question.referenceAnswer || t("list.noReference") })
          : t("list.answer", { answer: answerText(question, words) })}
      </p>
      {question.explanation && (
        <section>
          <h3 className="mb-1 text-sm font-semibold">{t("editor.explanation")}</h3>
          <Markdown source={question.explanation} className="text-sm" />
        </section>
      )}
      {question.tags.length > 0 && (
        <p className="flex flex-wrap gap-1">
          {question.tags.map((tag) => (
            <span key={tag} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
              {tag}
            </span>
          ))}
        </p>
      )}
    </article>
  );
}
