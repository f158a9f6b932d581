import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Markdown } from "@/components/markdown";
import { Badge } from "@/components/ui/badge";
import { bankPath, bankQuestionPath } from "@/lib/qbank/paths";
import type { BankQuestion } from "@/lib/qbank/queries";
import { answerText } from "./answer-text";

/** The bank's questions, newest first; each links to its editor (or, for a shared one, its read-only view). */
export async function QuestionList({ courseId, items }: { courseId: string; items: BankQuestion[] }) {
  const t = await getTranslations("qbank");
  const words = { true: t("trueFalse.true"), false: t("trueFalse.false"), blankSeparator: t("list.blankSeparator") };
  return (
    <ul className="space-y-3" data-testid="bank-list">
      {items.map((q) => {
        const answer = answerText(q, words);
        const keys: unknown[] = Array.isArray(q.answer) ? q.answer : [];
        return (
          <li key={q.id} className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm" data-testid="bank-item" data-question-id={q.id}>
            <div className="mb-2 flex flex-wrap items-center gap-1.5">
              <Badge tone="blue">{t(`types.${q.type}`)}</Badge>
              <Badge>{t("difficulty.value", { value: q.difficulty })}</Badge>
              {q.case && (
                <Link href={bankPath(courseId, { caseId: q.case.id })} title={t("list.caseOnly")} className="rounded-full focus-visible:outline-2">
                  <Badge tone="amber">{t("list.caseBadge", { position: q.case.position ?? "–" })}</Badge>
                </Link>
              )}
              {q.fromCourse && <Badge tone="green">{t("list.fromCourse", { course: q.fromCourse.title })}</Badge>}
              {!q.fromCourse && q.shared && <Badge tone="green">{t("list.shared")}</Badge>}
              {q.archived && <Badge tone="red">{t("list.archivedBadge")}</Badge>}
              <span className="flex-1" />
              <Link href={bankQuestionPath(courseId, q.id)} className="text-sm font-medium text-brand-700 hover:underline" data-testid="bank-item-open">
                {q.editable ? t("list.edit") : t("list.view")}
              </Link>
            </div>
            <Markdown source={q.stem} className="line-clamp-4 text-sm" />
            {q.options.length > 0 && (
              <ol className="mt-2 grid gap-x-4 gap-y-0.5 text-sm text-slate-700 sm:grid-cols-2">
                {q.options.map((option) => (
                  <li key={option.key} className={keys.includes(option.key) ? "font-medium text-emerald-800" : ""}>
                    {option.key}. {option.text}
                  </li>
                ))}
              </ol>
            )}
            <p className="mt-2 text-sm text-slate-600">
              {q.type === "SHORT_ANSWER"
                ? t("list.referenceAnswer", { answer: answer ? truncate(answer, 80) : t("list.noReference") })
                : t("list.answer", { answer })}
            </p>
            {q.tags.length > 0 && (
              <p className="mt-2 flex flex-wrap gap-1">
                {q.tags.map((tag) => (
                  <Link key={tag} href={bankPath(courseId, { tag })} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-200">
                    {tag}
                  </Link>
                ))}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : text;
}
