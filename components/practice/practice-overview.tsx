import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { studentCoursePath } from "@/lib/course/paths";
import { WEAK_TAG_MIN_ANSWERS } from "@/lib/mistakes/tag-stats";
import type { PracticeOverview as Overview } from "@/lib/practice/get-practice-overview";
import { practiceSearchOf } from "@/lib/practice/schemas";
import { WeakTagList } from "./weak-tag-list";

/** The practice start page: all questions, weak topics, or one topic with its count and the student's accuracy. */
export async function PracticeOverview({ overview }: { overview: Overview }) {
  const [t, tw, format] = await Promise.all([getTranslations("practice.overview"), getTranslations("practice.weakTags"), getFormatter()]);
  const base = studentCoursePath(overview.course.id, "practice");
  if (overview.total === 0) {
    return (
      <Card>
        <p data-testid="practice-empty" className="py-6 text-center text-sm text-slate-600">
          {t("emptyBank")}
        </p>
      </Card>
    );
  }
  return (
    <div className="space-y-4">
      <Card title={t("start")}>
        <div className="space-y-2">
          <Link href={`${base}${practiceSearchOf({ kind: "all" })}`} data-testid="practice-all" className={buttonClass("primary", "min-h-11 w-full")}>
            {t("all")}
          </Link>
          <p className="text-center text-xs text-slate-500">{t("allHint", { count: overview.total })}</p>
          {overview.weakTags.length > 0 && (
            <Link href={`${base}${practiceSearchOf({ kind: "weak" })}`} data-testid="practice-weak" className={buttonClass("secondary", "min-h-11 w-full")}>
              {t("weak")}
            </Link>
          )}
        </div>
      </Card>
      <Card title={tw("title")}>
        {overview.weakTags.length > 0 ? (
          <WeakTagList courseId={overview.course.id} weakTags={overview.weakTags} />
        ) : (
          <p className="text-sm text-slate-500">{tw("none", { min: WEAK_TAG_MIN_ANSWERS })}</p>
        )}
      </Card>
      <Card title={t("tags")}>
        {overview.tags.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noTags")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {overview.tags.map((tag) => (
              <li key={tag.tag}>
                <Link
                  href={`${base}${practiceSearchOf({ kind: "tag", tag: tag.tag })}`}
                  data-testid="practice-tag"
                  data-tag={tag.tag}
                  className="flex min-h-12 items-center justify-between gap-3 py-2"
                >
                  <span className="min-w-0">
                    <span className="block truncate text-sm font-medium text-slate-900">{tag.tag}</span>
                    <span className="block text-xs text-slate-500">
                      {tag.answers > 0
                        ? t("accuracy", { percent: format.number(tag.right / tag.answers, { style: "percent", maximumFractionDigits: 0 }), right: tag.right, answers: tag.answers })
                        : t("notPractised")}
                    </span>
                  </span>
                  <span className="shrink-0 text-xs text-slate-500">
                    {t("questions", { count: tag.questions })} <span aria-hidden>›</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
