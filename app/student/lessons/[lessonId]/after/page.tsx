import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CourseworkList } from "@/components/coursework/coursework-list";
import { ClientMessages } from "@/components/intl/client-messages";
import { LessonNotes } from "@/components/notes/lesson-notes";
import { ThreadForm } from "@/components/threads/thread-form";
import { ThreadList } from "@/components/threads/thread-list";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { getStudentCoursework } from "@/lib/coursework/student-coursework";
import { listNotesForLesson } from "@/lib/notes/list-notes-for-lesson";
import { listThreads } from "@/lib/threads/list-threads";
import { loadOrNotFound } from "@/lib/threads/page-load";
import { threadsPath } from "@/lib/threads/paths";
import { getLessonWritingContext } from "@/lib/threads/writing-context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lesson.shell"))("after") };
}

// The lesson layout above renders the header and the tabs.
export default async function StudentLessonAfterPage({ params }: { params: Promise<{ lessonId: string }> }) {
  const actor = await requirePortal("student");
  const { lessonId } = await params;
  const context = await loadOrNotFound(getLessonWritingContext(actor, lessonId));
  const [notes, threads, coursework, t, tCoursework] = await Promise.all([
    listNotesForLesson(actor, { lessonId }),
    listThreads(actor, { courseId: context.courseId, lessonId, page: 1 }),
    getStudentCoursework(actor, context.courseId, { lessonId }),
    getTranslations("threads"),
    getTranslations("coursework"),
  ]);
  return (
    <ClientMessages namespaces={["notes", "threads"]}>
      <div className="mb-4">
        <CourseworkList coursework={coursework} emptyText={tCoursework("lessonEmpty")} />
      </div>
      <div className="grid gap-4 *:min-w-0 lg:grid-cols-2">
        <LessonNotes lessonId={lessonId} caseId={context.caseId} myGroup={context.myGroup} isStaff={context.isStaff} notes={notes} />
        <div className="space-y-4">
          <Card
            title={t("lessonSection")}
            actions={
              <Link href={threadsPath("student", context.courseId)} className="text-sm text-brand-700">
                {t("allThreads")}
              </Link>
            }
          >
            <ThreadList items={threads.items} portal="student" courseId={context.courseId} canModerate={false} />
          </Card>
          <Card title={t("new")}>
            <ThreadForm context={context} lessonId={lessonId} caseId={context.caseId} />
          </Card>
        </div>
      </div>
    </ClientMessages>
  );
}
