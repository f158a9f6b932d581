import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Markdown } from "@/components/markdown";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { studentCoursePath } from "@/lib/course/paths";
import type { MistakeCourseGroup } from "@/lib/mistakes/list-mistakes";
import { reviewPathFor } from "@/lib/mistakes/paths";
import { practiceSearchOf } from "@/lib/practice/schemas";
import { WeakTagList } from "./weak-tag-list";

const DAY = { month: "numeric", day: "numeric", weekday: "short" } as const;

/** One course of the mistake book: its weak tags, a review button when something is due, and the items' stems. */
export async function MistakeCourseCard({ group }: { group: MistakeCourseGroup }) {
  const [t, tq, tw, format] = await Promise.all([
    getTranslations("practice.mistakes"),
    getTranslations("practice.question"),
    getTranslations("practice.weakTags"),
    getFormatter(),
  ]);
  const courseId = group.course.id;
  return (
    <Card title={group.course.title} className="space-y-3">
      <div data-testid="mistake-course" data-course-id={courseId} className="space-y-3">
        {group.due > 0 && (
          <Link href={reviewPathFor(courseId)} data-testid="mistake-review-course" className={buttonClass("secondary", "min-h-10 w-full")}>
            {t("reviewCourse", { count: group.due })}
          </Link>
        )}
        {group.weakTags.length > 0 && (
          <div className="space-y-2">
            <p className="text-xs font-semibold text-slate-500">{tw("title")}</p>
            <WeakTagList courseId={courseId} weakTags={group.weakTags} />
            <Link href={`${studentCoursePath(courseId, "practice")}${practiceSearchOf({ kind: "weak" })}`} className="inline-block text-sm text-brand-700">
              {t("practiseWeak")} →
            </Link>
          </div>
        )}
        {group.items.length > 0 && (
          <ul className="divide-y divide-slate-100">
            {group.items.map((item) => (
              <li key={item.id} data-testid="mistake-item" data-question-id={item.questionId} data-due={item.due} className="space-y-1.5 py-3">
                <div className="line-clamp-3 text-sm text-slate-900">
                  <Markdown source={item.stem} />
                </div>
                <div className="flex flex-wrap items-center gap-1.5">
                  <Badge tone="blue">{tq(`type.${item.type}` as "type.SINGLE")}</Badge>
                  <Badge tone="red">{t("wrongCount", { count: item.wrongCount })}</Badge>
                  <Badge>{t("box", { box: item.box })}</Badge>
                  {item.masteredAt ? (
                    <Badge tone="green">{t("masteredOn", { date: format.dateTime(item.masteredAt, DAY) })}</Badge>
                  ) : item.due ? (
                    <Badge tone="amber">{t("dueToday")}</Badge>
                  ) : (
                    <span className="text-xs text-slate-500">{t("dueOn", { date: format.dateTime(item.dueAt, DAY) })}</span>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
