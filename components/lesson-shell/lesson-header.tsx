import Link from "next/link";
import { LessonTime } from "@/components/schedule/lesson-time";
import { PhaseBadge } from "@/components/schedule/phase-badge";
import { lessonPhase } from "@/lib/lesson/phase";
import type { LessonContext } from "@/lib/lesson/lesson-context";

export async function LessonHeader({ lesson, courseHref }: { lesson: LessonContext; courseHref: string }) {
  return (
    <header className="mb-3">
      <Link href={courseHref} className="text-xs text-brand-700">
        {lesson.course.title}
      </Link>
      <div className="mt-1 flex items-start justify-between gap-2">
        <h1 className="text-lg font-semibold sm:text-xl">{lesson.title}</h1>
        <PhaseBadge phase={lessonPhase(lesson)} />
      </div>
      <p className="text-xs text-slate-500">
        <LessonTime startsAt={lesson.startsAt} endsAt={lesson.endsAt} />
        {lesson.room && ` · ${lesson.room}`}
      </p>
    </header>
  );
}
