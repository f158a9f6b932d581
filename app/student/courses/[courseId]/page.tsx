import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { CourseworkLinks } from "@/components/coursework/coursework-links";
import { CourseIntro } from "@/components/intro/course-intro";
import { requirePortal } from "@/lib/auth/session";
import { getCourseIntro } from "@/lib/course/queries";
import { orHttpError } from "@/lib/page-errors";

interface Props {
  params: Promise<{ courseId: string }>;
}

// Metadata and page share one lookup per request.
const loadIntro = cache(async (courseId: string) => getCourseIntro(await requirePortal("student"), courseId));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const course = await loadIntro((await params).courseId).catch(() => null);
  return { title: course?.title };
}

export default async function StudentCoursePage({ params }: Props) {
  const { courseId } = await params;
  const [course, t] = await Promise.all([orHttpError(loadIntro(courseId)), getTranslations("student.intro")]);
  return (
    <>
      <Link href="/student" className="mb-3 inline-block text-sm text-brand-700">
        ← {t("backToCourses")}
      </Link>
      <CourseworkLinks courseId={course.id} withTasks />
      <CourseIntro course={course} />
      <Link
        href={`/student/courses/${course.id}/threads`}
        className="mt-4 block rounded-xl border border-slate-200 bg-white p-4 text-center font-medium text-brand-700 shadow-sm"
        data-testid="course-threads-link"
      >
        {t("threads")} →
      </Link>
    </>
  );
}
