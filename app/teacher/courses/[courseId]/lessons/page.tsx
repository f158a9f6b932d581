import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/course/section-header";
import { ClientMessages } from "@/components/intl/client-messages";
import { LessonList } from "@/components/lesson/lesson-list";
import { buttonClass } from "@/components/ui/button";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { teacherCoursePath } from "@/lib/course/paths";
import { getCourseIntro } from "@/lib/course/queries";

export default async function CourseLessonsPage({ params }: { params: Promise<{ courseId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId } = await params;
  const course = await orHttpError(getCourseIntro(actor, courseId));
  const t = await getTranslations("lesson.list");
  const canEdit = course.access.actions.has("course.edit");
  return (
    <>
      <SectionHeader
        title={t("title")}
        actions={
          canEdit && (
            <Link href={teacherCoursePath(course.id, "lessons/new")} className={buttonClass()}>
              + {t("new")}
            </Link>
          )
        }
      />
      <ClientMessages namespaces={["lesson"]}>
        <LessonList courseId={course.id} lessons={course.lessons} canEdit={canEdit} now={new Date()} />
      </ClientMessages>
    </>
  );
}
