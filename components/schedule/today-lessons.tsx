import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PhaseBadge } from "./phase-badge";

interface TodayLesson {
  id: string;
  title: string;
  position: number;
  startsAt: Date;
  endsAt: Date;
  room: string;
  course: { id: string; title: string };
}

/** Today's lessons with their phase, at the top of a portal home page. */
export async function TodayLessons({ lessons, courseHref }: { lessons: TodayLesson[]; courseHref: (courseId: string) => string }) {
  const t = await getTranslations("student.home");
  const format = await getFormatter();
  return (
    <Card title={t("today")} className="mb-4">
      <div data-testid="today-lessons">
        {lessons.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noToday")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {lessons.map((lesson) => (
              <li key={lesson.id} className="flex items-start justify-between gap-3 py-2">
                <div className="min-w-0">
                  <Link href={courseHref(lesson.course.id)} className="font-medium text-slate-900 hover:text-brand-700">
                    {lesson.course.title}
                  </Link>
                  <p className="truncate text-sm text-slate-600">{lesson.title}</p>
                  <p className="text-xs text-slate-500">
                    {format.dateTimeRange(lesson.startsAt, lesson.endsAt, { hour: "2-digit", minute: "2-digit" })}
                    {lesson.room && ` · ${lesson.room}`}
                  </p>
                </div>
                <PhaseBadge lesson={lesson} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
