import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/components/course/localized";
import { MyGrades } from "@/components/gradebook/my-grades";
import { requirePortal } from "@/lib/auth/session";
import { studentCoursePath } from "@/lib/course/paths";
import { getMyGrades } from "@/lib/gradebook/get-my-grades";
import { orHttpError } from "@/lib/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("gradebook.student"))("title") };
}

/** 我的成绩: the student's own results in one course — released homework and scored quizzes only. */
export default async function MyGradesPage({ params }: { params: Promise<{ courseId: string }> }) {
  const actor = await requirePortal("student");
  const { courseId } = await params;
  const [grades, t, locale] = await Promise.all([orHttpError(getMyGrades(actor, courseId)), getTranslations("gradebook.student"), getLocale()]);
  return (
    <div className="space-y-4">
      <Link href={studentCoursePath(courseId)} className="inline-block text-sm text-brand-700">
        ← {localized(locale, grades.course.title, grades.course.titleEn)}
      </Link>
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <MyGrades grades={grades} />
    </div>
  );
}
