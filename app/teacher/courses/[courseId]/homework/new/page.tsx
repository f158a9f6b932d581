import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/course/section-header";
import { HomeworkForm } from "@/components/homework/homework-form";
import { ClientMessages } from "@/components/intl/client-messages";
import { requirePortal } from "@/lib/auth/session";
import { teacherCoursePath } from "@/lib/course/paths";
import { getHomeworkEditor } from "@/lib/homework/teacher-queries";
import { orHttpError } from "@/lib/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("homework.form"))("newTitle") };
}

export default async function NewHomeworkPage({ params }: { params: Promise<{ courseId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId } = await params;
  const editor = await orHttpError(getHomeworkEditor(actor, courseId));
  const t = await getTranslations("homework.form");
  return (
    <div className="max-w-3xl">
      <SectionHeader title={t("newTitle")} />
      <ClientMessages namespaces={["homework"]}>
        <HomeworkForm
          courseId={courseId}
          homeworkId={null}
          values={editor.values}
          lessons={editor.lessons}
          assessmentItems={editor.assessmentItems}
          serverMaxFileMb={editor.limits.serverMaxFileMb}
          gradingStarted={false}
          cancelHref={teacherCoursePath(courseId, "homework")}
        />
      </ClientMessages>
    </div>
  );
}
