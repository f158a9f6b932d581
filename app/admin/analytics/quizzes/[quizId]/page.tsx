import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ItemAnalysisTable } from "@/components/analytics/item-analysis-table";
import { PageHeader } from "@/components/ui/page-header";
import { getItemAnalysis } from "@/lib/analytics/get-item-analysis";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analytics.ui.item"))("title") };
}

export default async function AdminItemAnalysisPage({ params }: { params: Promise<{ quizId: string }> }) {
  const actor = await requirePortal("admin");
  const { quizId } = await params;
  const [t, analysis] = await Promise.all([getTranslations("analytics.ui"), orHttpError(getItemAnalysis(actor, quizId))]);
  return (
    <>
      <PageHeader
        title={`${t("item.title")}：${analysis.quiz.title}`}
        actions={
          <Link href={`/admin/analytics/courses/${analysis.quiz.courseId}`} className="text-sm text-brand-700 underline">
            {t("course.title")}
          </Link>
        }
      />
      <ItemAnalysisTable analysis={analysis} />
    </>
  );
}
