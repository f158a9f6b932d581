import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { PlanEditor } from "@/components/plan/plan-editor";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { getFeedbackSummary } from "@/lib/feedback/get-feedback-summary";
import { getLessonContext } from "@/lib/lesson/lesson-context";
import { orHttpError } from "@/lib/page-errors";
import { listPlanVersions } from "@/lib/plan/list-plan-versions";
import { teacherPlanPath } from "@/lib/plan/paths";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plan.editor"))("titleNew") };
}

/** The editor for the next version, prefilled with the current plan (or a starter outline for the first one). */
export default async function NewPlanVersionPage({ params }: { params: Promise<{ lessonId: string }> }) {
  const actor = await requirePortal("teacher");
  const { lessonId } = await params;
  // Checked first so that those who may only read get the 403 page rather than an editor that cannot save.
  const lesson = await orHttpError(getLessonContext(actor, lessonId, "course.edit"));
  const [{ versions }, summary, t, format] = await Promise.all([
    orHttpError(listPlanVersions(actor, lessonId)),
    orHttpError(getFeedbackSummary(actor, { lessonId })),
    getTranslations("plan.editor"),
    getFormatter(),
  ]);
  const current = versions[0];
  const starter = t("template", {
    title: lesson.title,
    objectives: lesson.objectives.map((objective, i) => `${i + 1}. ${objective.text}`).join("\n"),
  });

  return (
    <ClientMessages namespaces={["plan"]}>
      <Card title={current ? t("titleNew") : t("titleFirst")}>
        {current && <p className="mb-4 text-sm text-slate-600">{t("basedOn", { version: current.version })}</p>}
        <PlanEditor
          lessonId={lessonId}
          baseVersion={current?.version ?? 0}
          initialContent={current?.content ?? starter}
          cancelHref={teacherPlanPath(lessonId)}
          objectives={summary.objectives.map((objective) => ({
            id: objective.id,
            text: objective.text,
            mean: objective.mean === null ? null : format.number(objective.mean, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
            low: objective.low,
          }))}
          feedback={summary.items.map((item) => ({
            id: item.id,
            studentName: item.studentName,
            unclear: item.unclear,
            questions: item.questions,
            tags: item.tags,
          }))}
        />
      </Card>
    </ClientMessages>
  );
}
