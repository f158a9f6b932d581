import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/course/section-header";
import { EvaluationList } from "@/components/evaluation/evaluation-list";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { listEvaluationsForCourse } from "@/lib/evaluation/list-evaluations";
import { newEvaluationPath } from "@/lib/evaluation/paths";
import { MIN_RESPONSES } from "@/lib/evaluation/schemas";
import { orHttpError } from "@/lib/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("evaluation"))("title") };
}

// The course layout above renders the course title and tabs.
export default async function TeacherEvaluationsPage({ params }: { params: Promise<{ courseId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId } = await params;
  const [list, t] = await Promise.all([orHttpError(listEvaluationsForCourse(actor, courseId)), getTranslations("evaluation")]);
  return (
    <>
      <SectionHeader
        title={t("title")}
        actions={
          list.canManage && (
            <Link href={newEvaluationPath(courseId)} data-testid="new-evaluation" className={buttonClass()}>
              + {t("list.new")}
            </Link>
          )
        }
      />
      <p className="mb-3 text-sm text-slate-600">{t("list.anonymityNote", { minimum: MIN_RESPONSES })}</p>
      <Card>
        <EvaluationList courseId={courseId} evaluations={list.evaluations} studentCount={list.studentCount} />
      </Card>
    </>
  );
}
