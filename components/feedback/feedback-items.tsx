import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { FeedbackSummary } from "@/lib/feedback/get-feedback-summary";
import { teacherFeedbackPath } from "@/lib/plan/paths";
import { FeedbackTagEditor, TAG_OPTIONS_ID } from "./feedback-tag-editor";

/** The unclear points and questions, with the teacher's tags to group them and a filter by tag. */
export async function FeedbackItems({ summary }: { summary: FeedbackSummary }) {
  const t = await getTranslations("plan.feedback");
  const { lessonId, tags, tag: activeTag, items } = summary;
  const chip = (active: boolean) =>
    `inline-flex min-h-8 items-center rounded-full border px-3 text-sm ${active ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`;
  return (
    <div className="space-y-3">
      {tags.length > 0 && (
        <nav aria-label={t("tagFilter")} className="flex flex-wrap gap-2" data-testid="tag-filter">
          <Link href={teacherFeedbackPath(lessonId)} className={chip(activeTag === null)} aria-current={activeTag === null ? "page" : undefined}>
            {t("allTags", { count: summary.itemCount })}
          </Link>
          {tags.map(({ label, count }) => (
            <Link
              key={label}
              href={teacherFeedbackPath(lessonId, label)}
              className={chip(activeTag === label)}
              aria-current={activeTag === label ? "page" : undefined}
              data-testid="tag-filter-option"
            >
              {label} ({count})
            </Link>
          ))}
        </nav>
      )}
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">{activeTag ? t("itemsEmptyForTag") : t("itemsEmpty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((item) => (
            <li key={item.id} data-testid="feedback-item" className="space-y-2 py-3">
              <p className="text-sm font-medium">
                {item.studentName} <span className="font-normal text-slate-500 tabular-nums">{item.studentNo}</span>
              </p>
              {item.unclear && (
                <p className="whitespace-pre-wrap break-words text-sm">
                  <Badge tone="amber">{t("unclear")}</Badge> {item.unclear}
                </p>
              )}
              {item.questions && (
                <p className="whitespace-pre-wrap break-words text-sm">
                  <Badge tone="blue">{t("questions")}</Badge> {item.questions}
                </p>
              )}
              {summary.canEdit ? (
                <FeedbackTagEditor feedbackId={item.id} tags={item.tags} />
              ) : (
                item.tags.length > 0 && (
                  <p className="flex flex-wrap gap-1.5">
                    {item.tags.map((tag) => (
                      <Badge key={tag} tone="blue">
                        {tag}
                      </Badge>
                    ))}
                  </p>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      {summary.canEdit && (
        <datalist id={TAG_OPTIONS_ID}>
          {tags.map(({ label }) => (
            <option key={label} value={label} />
          ))}
        </datalist>
      )}
    </div>
  );
}
