import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CaseStageAnswers } from "@/components/feedback/case-stage-answers";
import { ConfidenceSection } from "@/components/feedback/confidence-section";
import { FeedbackItems } from "@/components/feedback/feedback-items";
import { NonResponders } from "@/components/feedback/non-responders";
import { ResponseRate } from "@/components/feedback/response-rate";
import { ClientMessages } from "@/components/intl/client-messages";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { getFeedbackSummary } from "@/lib/feedback/get-feedback-summary";
import { TagLabelSchema } from "@/lib/feedback/schemas";
import { orHttpError } from "@/lib/page-errors";
import { teacherPlanPath } from "@/lib/plan/paths";

interface Props {
  params: Promise<{ lessonId: string }>;
  searchParams: Promise<{ tag?: string | string[] }>;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plan.feedback"))("title") };
}

// The lesson layout above renders the lesson header and tabs, and sends students to the 403 page.
export default async function FeedbackSummaryPage({ params, searchParams }: Props) {
  const actor = await requirePortal("teacher");
  const [{ lessonId }, { tag }] = await Promise.all([params, searchParams]);
  const tagFilter = TagLabelSchema.safeParse(tag);
  const [summary, t] = await Promise.all([
    orHttpError(getFeedbackSummary(actor, { lessonId, tag: tagFilter.success ? tagFilter.data : undefined })),
    getTranslations("plan.feedback"),
  ]);

  return (
    <ClientMessages namespaces={["plan"]}>
      <div data-testid="feedback-summary" className="space-y-4">
        <div className="grid gap-4 md:grid-cols-3">
          <Card title={t("responseRate")}>
            <ResponseRate summary={summary} />
          </Card>
          <Card className="md:col-span-2">
            <NonResponders students={summary.nonResponders} />
          </Card>
        </div>
        <Card title={t("confidence")}>
          <ConfidenceSection objectives={summary.objectives} />
        </Card>
        <Card
          title={t("items")}
          actions={
            summary.canEdit && (
              <Link href={teacherPlanPath(lessonId, "new")} className={buttonClass("ghost", "min-h-8 px-2 py-1")}>
                {t("adjustPlan")}
              </Link>
            )
          }
        >
          <FeedbackItems summary={summary} />
        </Card>
        <Card title={t("stages")}>
          <CaseStageAnswers stages={summary.stages} />
        </Card>
      </div>
    </ClientMessages>
  );
}
