import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/components/course/localized";
import { Card } from "@/components/ui/card";
import type { listTodayLessons } from "@/lib/course/queries";
import { lessonPhase } from "@/lib/lesson/phase";
import { LessonTime } from "./lesson-time";
import { PhaseBadge } from "./phase-badge";

type TodayLesson = Awaited<ReturnType<typeof listTodayLessons>>[number];

/** Today's lessons with their phase, time and room, at the top of a portal's home page. */
export async function TodayLessons({ lessons, lessonHref, now = new Date() }: {
  lessons: TodayLesson[];
  lessonHref: (lessonId: string) => string;
  now?: Date;
}) {
  const [t, locale] = await Promise.all([getTranslations("common"), getLocale()]);
  return (
    <Card title={t("todayLessons")} className="mb-4">
      <div data-testid="today-lessons">
        {lessons.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noLessonsToday")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {lessons.map((lesson) => (
              <li key={lesson.id}>
                <Link href={lessonHref(lesson.id)} className="flex items-start gap-3 py-2 hover:bg-slate-50">
                  <span className="w-24 shrink-0 text-sm font-medium text-slate-800">
                    <LessonTime startsAt={lesson.startsAt} endsAt={lesson.endsAt} withDate={false} />
                  </span>
                  <span className="min-w-0 flex-1">
                    <span className="block font-medium">{lesson.title}</span>
                    <span className="block text-sm text-slate-600">
                      {localized(locale, lesson.course.title, lesson.course.titleEn)}
                      {lesson.room && ` · ${lesson.room}`}
                    </span>
                  </span>
                  <PhaseBadge phase={lessonPhase(lesson, now)} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
