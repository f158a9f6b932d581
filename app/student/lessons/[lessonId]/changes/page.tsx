import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Markdown } from "@/components/markdown";
import { PlanChangeCard } from "@/components/plan/plan-change-card";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { listPlanChangesForStudent } from "@/lib/plan/list-plan-changes-for-student";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plan.changes"))("title") };
}

/** "What changed because of your feedback": the teacher's adjustments as a timeline, then the adjusted plan. */
export default async function PlanChangesPage({ params }: { params: Promise<{ lessonId: string }> }) {
  const actor = await requirePortal("student");
  const { lessonId } = await params;
  const [{ changes, currentPlan }, t] = await Promise.all([
    orHttpError(listPlanChangesForStudent(actor, lessonId)),
    getTranslations("plan.changes"),
  ]);

  return (
    <div className="space-y-4">
      <Link href={`/student/lessons/${lessonId}/pre`} className="inline-flex min-h-10 items-center text-sm text-brand-700">
        {t("back")}
      </Link>
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      {changes.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <>
          <p className="text-sm text-slate-600">{t("intro")}</p>
          <ol className="relative space-y-4 before:absolute before:bottom-2 before:left-[5px] before:top-2 before:w-0.5 before:bg-slate-200">
            {changes.map((change) => (
              <PlanChangeCard key={change.id} change={change} />
            ))}
          </ol>
        </>
      )}
      {currentPlan && (
        <details className="rounded-xl border border-slate-200 bg-white shadow-sm">
          <summary className="flex min-h-12 cursor-pointer items-center px-4 font-medium">{t("currentPlan")}</summary>
          <Markdown source={currentPlan.content} className="border-t border-slate-100 px-4 pb-4" />
        </details>
      )}
    </div>
  );
}
