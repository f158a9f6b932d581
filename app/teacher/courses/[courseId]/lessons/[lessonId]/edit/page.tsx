import { getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/course/section-header";
import { ClientMessages } from "@/components/intl/client-messages";
import { LessonForm } from "@/components/lesson/lesson-form";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { teacherCoursePath } from "@/lib/course/paths";
import { shanghaiParts } from "@/lib/lesson/local-time";
import { getLessonForEdit } from "@/lib/lesson/queries";

export default async function EditLessonPage({ params }: { params: Promise<{ courseId: string; lessonId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId, lessonId } = await params;
  const lesson = await orHttpError(getLessonForEdit(actor, courseId, lessonId));
  const t = await getTranslations("lesson.form");
  const start = shanghaiParts(lesson.startsAt);
  return (
    <div className="max-w-2xl">
      <SectionHeader title={t("editTitle")} />
      <ClientMessages namespaces={["lesson", "course"]}>
        <LessonForm
          courseId={lesson.courseId}
          lessonId={lesson.id}
          initial={{
            title: lesson.title,
            date: start.date,
            startTime: start.time,
            endTime: shanghaiParts(lesson.endsAt).time,
            room: lesson.room,
            summary: lesson.summary,
            objectives: lesson.objectives,
          }}
          cancelHref={teacherCoursePath(lesson.courseId, "lessons")}
        />
      </ClientMessages>
    </div>
  );
}
