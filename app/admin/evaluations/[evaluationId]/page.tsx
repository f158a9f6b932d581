import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { EvaluationResults } from "@/components/evaluation/evaluation-results";
import { EvaluationStateBadge } from "@/components/evaluation/state-badge";
import { PageHeader } from "@/components/ui/page-header";
import { requirePortal } from "@/lib/auth/session";
import { getDepartmentEvaluationResults } from "@/lib/evaluation/get-department-evaluation-results";
import { adminEvaluationsPath } from "@/lib/evaluation/paths";
import { orHttpError } from "@/lib/page-errors";

interface Props {
  params: Promise<{ evaluationId: string }>;
}

const DATE_TIME = { year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

// Metadata and page share one lookup per request.
const loadResults = cache(async (evaluationId: string) => getDepartmentEvaluationResults(await requirePortal("admin"), evaluationId));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await loadResults((await params).evaluationId).catch(() => null);
  return { title: found?.results.evaluation.title };
}

/** One evaluation's anonymous aggregates (from 5 answers) for the department admin and administrators; read-only. */
export default async function AdminEvaluationPage({ params }: Props) {
  const { evaluationId } = await params;
  const { course, results } = await orHttpError(loadResults(evaluationId));
  const [t, format] = await Promise.all([getTranslations("evaluation"), getFormatter()]);
  const { evaluation } = results;
  return (
    <>
      <Link href={adminEvaluationsPath} className="mb-3 inline-block text-sm text-brand-700">
        ← {t("department.back")}
      </Link>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {evaluation.title} <EvaluationStateBadge state={evaluation.state} />
          </span>
        }
        subtitle={`${course.code} ${course.title} · ${course.term} · ${course.department.name}`}
      />
      <p className="-mt-2 mb-4 text-sm text-slate-600">
        {evaluation.lesson ? t("scopeLesson", { title: evaluation.lesson.title }) : t("scopeCourse")} ·{" "}
        {t("results.window", { opens: format.dateTime(evaluation.opensAt, DATE_TIME), closes: format.dateTime(evaluation.closesAt, DATE_TIME) })}
      </p>
      <div className="max-w-3xl">
        <EvaluationResults results={results} />
      </div>
    </>
  );
}
