import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LessonHeader } from "@/components/lesson-shell/lesson-header";
import { LessonTabs } from "@/components/lesson-shell/lesson-tabs";
import { requirePortal } from "@/lib/auth/session";
import { getLessonContext } from "@/lib/lesson/lesson-context";
import { orHttpError } from "@/lib/page-errors";

export default async function TeacherLessonLayout({ children, params }: { children: ReactNode; params: Promise<{ lessonId: string }> }) {
  const actor = await requirePortal("teacher");
  const { lessonId } = await params;
  const [lesson, t] = await Promise.all([orHttpError(getLessonContext(actor, lessonId)), getTranslations("lesson.shell")]);
  const base = `/teacher/lessons/${lesson.id}`;
  return (
    <>
      <LessonHeader lesson={lesson} courseHref={`/teacher/courses/${lesson.course.id}`} />
      <LessonTabs
        tabs={[
          { href: `${base}/prep`, label: t("prep"), testId: "tab-prep" },
          { href: `${base}/feedback`, label: t("feedback"), testId: "tab-feedback" },
          { href: `${base}/plan`, label: t("plan"), testId: "tab-plan" },
          { href: `${base}/live`, label: t("board"), testId: "tab-live" },
          { href: `${base}/after`, label: t("after"), testId: "tab-after" },
          { href: `${base}/pushes`, label: t("pushes"), testId: "tab-pushes" },
        ]}
      />
      {children}
    </>
  );
}
