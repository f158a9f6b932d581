import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ItemAnalysisTable } from "@/components/analytics/item-analysis-table";
import { SectionHeader } from "@/components/course/section-header";
import { getItemAnalysis } from "@/lib/analytics/get-item-analysis";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analytics.ui.item"))("title") };
}

export default async function TeacherItemAnalysisPage({ params }: { params: Promise<{ courseId: string; quizId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId, quizId } = await params;
  const [t, analysis] = await Promise.all([getTranslations("analytics.ui.item"), orHttpError(getItemAnalysis(actor, quizId))]);
  // The URL names the course: a quiz of another course is not found here.
  if (analysis.quiz.courseId !== courseId) notFound();
  return (
    <>
      <SectionHeader title={`${t("title")}：${analysis.quiz.title}`} />
      <ItemAnalysisTable analysis={analysis} />
    </>
  );
}
