import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { CourseMeasureColumn } from "@/components/analytics/course-measures-table";
import { type StudyLinks, StudentProfile } from "@/components/analytics/student-profile";
import { PageHeader } from "@/components/ui/page-header";
import { getStudentAnalytics } from "@/lib/analytics/student-analytics";
import { requirePortal } from "@/lib/auth/session";
import { studentCoursePath } from "@/lib/course/paths";
import { MISTAKES_PATH, reviewPathFor } from "@/lib/mistakes/paths";
import { orHttpError } from "@/lib/page-errors";
import { practiceSearchOf } from "@/lib/practice/schemas";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("student.progress"))("title") };
}

const STUDY_LINKS: StudyLinks = {
  mistakeBook: MISTAKES_PATH,
  review: reviewPathFor,
  practiseWeak: (courseId) => `${studentCoursePath(courseId, "practice")}${practiceSearchOf({ kind: "weak" })}`,
};

/** Meaningless about oneself: one student per row, the evaluation is anonymous, and WeChat is the student's own setting. */
const OWN_OMITTED_COLUMNS: readonly CourseMeasureColumn[] = ["students", "evaluationMean", "bindingRate", "deliveryRate"];

/** 我的学习: the signed-in student's own profile, the same one their teachers see, linking into their own course pages. */
export default async function StudentProgressPage() {
  const actor = await requirePortal("student");
  const [t, view] = await Promise.all([getTranslations("student.progress"), orHttpError(getStudentAnalytics(actor, actor.id))]);
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={[view.student.no, view.student.className].filter(Boolean).join(" · ")}
      />
      <p className="-mt-2 mb-4 text-sm text-slate-600">{t("intro")}</p>
      <StudentProfile view={view} courseHref={(courseId) => studentCoursePath(courseId)} studyLinks={STUDY_LINKS} omitCourseColumns={OWN_OMITTED_COLUMNS} />
    </>
  );
}
