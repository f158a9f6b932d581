import { getTranslations } from "next-intl/server";
import { IntroForm } from "@/components/course/intro-form";
import { IntroView } from "@/components/course/intro-view";
import { SectionHeader } from "@/components/course/section-header";
import { ClientMessages } from "@/components/intl/client-messages";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { getCourseIntro } from "@/lib/course/queries";

/** Teachers of the course edit the intro here; other staff who may see the course read it. */
export default async function CourseIntroPage({ params }: { params: Promise<{ courseId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId } = await params;
  const course = await orHttpError(getCourseIntro(actor, courseId));
  const t = await getTranslations("course.intro");
  return (
    <>
      <SectionHeader title={t("title")} />
      {course.access.actions.has("course.edit") ? (
        <ClientMessages namespaces={["course"]}>
          <IntroForm
            initial={{
              courseId: course.id,
              description: course.description,
              syllabus: course.syllabus,
              credits: course.credits,
              hours: course.hours,
              objectives: course.objectives.map((objective) => objective.text),
              assessments: course.assessments.map(({ id, name, weight, description }) => ({ id, name, weight, description })),
            }}
          />
        </ClientMessages>
      ) : (
        <IntroView course={course} />
      )}
    </>
  );
}
