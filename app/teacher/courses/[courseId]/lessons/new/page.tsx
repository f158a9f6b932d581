import { getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/course/section-header";
import { ClientMessages } from "@/components/intl/client-messages";
import { LessonForm } from "@/components/lesson/lesson-form";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { teacherCoursePath } from "@/lib/course/paths";
import { getNewLessonDefaults } from "@/lib/lesson/queries";

export default async function NewLessonPage({ params }: { params: Promise<{ courseId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId } = await params;
  const initial = await orHttpError(getNewLessonDefaults(actor, courseId));
  const t = await getTranslations("lesson.form");
  return (
    <div className="max-w-2xl">
      <SectionHeader title={t("newTitle")} />
      <ClientMessages namespaces={["lesson", "course"]}>
        <LessonForm courseId={courseId} initial={initial} cancelHref={teacherCoursePath(courseId, "lessons")} />
      </ClientMessages>
    </div>
  );
}
