import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/course/section-header";
import { EvaluationForm } from "@/components/evaluation/evaluation-form";
import { EvaluationResults } from "@/components/evaluation/evaluation-results";
import { EvaluationStateBadge } from "@/components/evaluation/state-badge";
import { ClientMessages } from "@/components/intl/client-messages";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { getEvaluationResults } from "@/lib/evaluation/get-evaluation-results";
import { teacherEvaluationsPath } from "@/lib/evaluation/paths";
import { orHttpError } from "@/lib/page-errors";
import { localValueOf } from "@/lib/preclass/local-datetime";

interface Props {
  params: Promise<{ courseId: string; evaluationId: string }>;
}

const DATE_TIME = { year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("evaluation.results"))("title") };
}

/** Aggregated results (from 5 answers) and, for the course teacher, the settings. */
export default async function TeacherEvaluationPage({ params }: Props) {
  const actor = await requirePortal("teacher");
  const { courseId, evaluationId } = await params;
  const results = await orHttpError(getEvaluationResults(actor, evaluationId));
  if (results.evaluation.courseId !== courseId) notFound();
  const [t, format] = await Promise.all([getTranslations("evaluation"), getFormatter()]);
  const { evaluation } = results;
  return (
    <>
      <Link href={teacherEvaluationsPath(courseId)} className="mb-2 inline-block text-sm text-brand-700">
        ← {t("results.back")}
      </Link>
      <SectionHeader title={<span className="flex items-center gap-2">{evaluation.title} <EvaluationStateBadge state={evaluation.state} /></span>} />
      <p className="-mt-2 mb-4 text-sm text-slate-600">
        {evaluation.lesson ? t("scopeLesson", { title: evaluation.lesson.title }) : t("scopeCourse")} ·{" "}
        {t("results.window", { opens: format.dateTime(evaluation.opensAt, DATE_TIME), closes: format.dateTime(evaluation.closesAt, DATE_TIME) })}
      </p>
      <div className="grid gap-4 *:min-w-0 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <EvaluationResults results={results} />
        </div>
        {results.canManage && (
          <Card title={t("form.editTitle")}>
            <ClientMessages namespaces={["evaluation", "course"]}>
              <EvaluationForm
                target={{ mode: "edit", evaluationId: evaluation.id, itemsLocked: results.itemsLocked }}
                initial={{
                  title: evaluation.title,
                  items: evaluation.items,
                  opensAt: localValueOf(evaluation.opensAt),
                  closesAt: localValueOf(evaluation.closesAt),
                }}
                cancelHref={teacherEvaluationsPath(courseId)}
              />
            </ClientMessages>
          </Card>
        )}
      </div>
    </>
  );
}
