import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LessonHeader } from "@/components/lesson-shell/lesson-header";
import { LessonTabs } from "@/components/lesson-shell/lesson-tabs";
import { PlanChangesBanner } from "@/components/plan/plan-changes-banner";
import { requirePortal } from "@/lib/auth/session";
import { getLessonContext } from "@/lib/lesson/lesson-context";
import { orHttpError } from "@/lib/page-errors";

export default async function StudentLessonLayout({ children, params }: { children: ReactNode; params: Promise<{ lessonId: string }> }) {
  const actor = await requirePortal("student");
  const { lessonId } = await params;
  const [lesson, t] = await Promise.all([orHttpError(getLessonContext(actor, lessonId)), getTranslations("lesson.shell")]);
  const base = `/student/lessons/${lesson.id}`;
  return (
    <>
      <LessonHeader lesson={lesson} courseHref={`/student/courses/${lesson.course.id}`} />
      <LessonTabs
        tabs={[
          { href: `${base}/pre`, label: t("pre"), testId: "tab-pre" },
          { href: `${base}/live`, label: t("live"), testId: "tab-live" },
          { href: `${base}/after`, label: t("after"), testId: "tab-after" },
        ]}
      />
      <PlanChangesBanner actor={actor} lessonId={lesson.id} />
      {children}
    </>
  );
}
