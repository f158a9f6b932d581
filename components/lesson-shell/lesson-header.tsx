import Link from "next/link";
import { getFormatter } from "next-intl/server";
import { PhaseBadge } from "@/components/schedule/phase-badge";
import type { LessonContext } from "@/lib/lesson/lesson-context";

export async function LessonHeader({ lesson, courseHref }: { lesson: LessonContext; courseHref: string }) {
  const format = await getFormatter();
  return (
    <header className="mb-3">
      <Link href={courseHref} className="text-xs text-brand-700">
        {lesson.course.title}
      </Link>
      <div className="mt-1 flex items-start justify-between gap-2">
        <h1 className="text-lg font-semibold sm:text-xl">{lesson.title}</h1>
        <PhaseBadge lesson={lesson} />
      </div>
      <p className="text-xs text-slate-500">
        {format.dateTime(lesson.startsAt, { month: "numeric", day: "numeric", weekday: "short" })}{" "}
        {format.dateTimeRange(lesson.startsAt, lesson.endsAt, { hour: "2-digit", minute: "2-digit" })}
        {lesson.room && ` · ${lesson.room}`}
      </p>
    </header>
  );
}
