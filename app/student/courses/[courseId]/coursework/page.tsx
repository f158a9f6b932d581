import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CourseworkList } from "@/components/coursework/coursework-list";
import { CourseworkLinks } from "@/components/coursework/coursework-links";
import { PageHeader } from "@/components/ui/page-header";
import { requirePortal } from "@/lib/auth/session";
import { getStudentCoursework } from "@/lib/coursework/student-coursework";
import { studentCoursePath } from "@/lib/course/paths";
import { orHttpError } from "@/lib/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("coursework"))("title") };
}

export default async function StudentCourseworkPage({ params }: { params: Promise<{ courseId: string }> }) {
  const actor = await requirePortal("student");
  const { courseId } = await params;
  const [coursework, t, tIntro] = await Promise.all([
    orHttpError(getStudentCoursework(actor, courseId)),
    getTranslations("coursework"),
    getTranslations("student.intro"),
  ]);
  return (
    <>
      <Link href={studentCoursePath(courseId)} className="mb-3 inline-block text-sm text-brand-700">
        ← {tIntro("backToCourse")}
      </Link>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <CourseworkLinks courseId={courseId} />
      <CourseworkList coursework={coursework} emptyText={t("empty")} />
    </>
  );
}
