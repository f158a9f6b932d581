import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CompetencyTable } from "@/components/analytics/competency-table";
import { ObjectiveCompetencyForm } from "@/components/analytics/objective-competency-form";
import { SectionHeader } from "@/components/course/section-header";
import { ClientMessages } from "@/components/intl/client-messages";
import { Card } from "@/components/ui/card";
import { getCompetencyView } from "@/lib/analytics/competencies";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analytics.ui.competencies"))("title") };
}

/** The course's share of the department's competencies, and the mapping of its objectives. */
export default async function TeacherCompetenciesPage({ params }: { params: Promise<{ courseId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId } = await params;
  const [t, view] = await Promise.all([getTranslations("analytics.ui.competencies"), orHttpError(getCompetencyView(actor, { courseId }))]);
  return (
    <ClientMessages namespaces={["analytics"]}>
      <SectionHeader title={t("title")} />
      <div className="space-y-4">
        <Card title={`${view.department.name} · ${t("coverage")}`}>
          <CompetencyTable view={view} exportParams={{ courseId }} />
        </Card>
        {view.competencies.length > 0 && view.objectives.length > 0 && (
          <Card title={t("objectives")}>
            <p className="text-sm text-slate-600">{t("objectivesHint")}</p>
            <div className="divide-y divide-slate-100">
              {view.objectives.map((objective) => (
                <ObjectiveCompetencyForm key={objective.id} objective={objective} competencies={view.competencies} />
              ))}
            </div>
          </Card>
        )}
      </div>
    </ClientMessages>
  );
}
