import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { teacherLessonEditPath } from "@/lib/course/paths";
import type { CourseIntro } from "@/lib/course/queries";
import { lessonPhase } from "@/lib/lesson/phase";
import { LessonRowControls } from "./lesson-row-controls";
import { LessonTime } from "@/components/schedule/lesson-time";
import { PhaseBadge } from "@/components/schedule/phase-badge";

/** The lessons of a course in their order; teachers who may edit get reorder, edit and delete controls. */
export async function LessonList({ courseId, lessons, canEdit, now }: {
  courseId: string;
  lessons: CourseIntro["lessons"];
  canEdit: boolean;
  now: Date;
}) {
  const t = await getTranslations("lesson.list");
  return (
    <>
      {lessons.length === 0 && <p className="text-sm text-slate-500">{t("empty")}</p>}
      <ol data-testid="lesson-list" className="space-y-3">
        {lessons.map((lesson, index) => (
          <li
            key={lesson.id}
            data-testid="lesson-row"
            className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:flex-row sm:items-start sm:justify-between"
          >
            <div className="min-w-0 space-y-1">
              <p className="flex flex-wrap items-center gap-2">
                <span className="text-sm text-slate-500">{t("number", { n: index + 1 })}</span>
                <PhaseBadge phase={lessonPhase(lesson, now)} />
              </p>
              <h3 className="font-semibold">
                <Link href={`/teacher/lessons/${lesson.id}`} className="hover:text-brand-700" data-testid="lesson-open">
                  {lesson.title}
                </Link>
              </h3>
              <p className="text-sm text-slate-600">
                <LessonTime startsAt={lesson.startsAt} endsAt={lesson.endsAt} />
                {lesson.room && ` · ${lesson.room}`}
                {lesson.objectives.length > 0 && ` · ${t("objectives", { count: lesson.objectives.length })}`}
              </p>
            </div>
            {canEdit && (
              <LessonRowControls
                courseId={courseId}
                lessonId={lesson.id}
                title={lesson.title}
                isFirst={index === 0}
                isLast={index === lessons.length - 1}
                editHref={teacherLessonEditPath(courseId, lesson.id)}
              />
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
