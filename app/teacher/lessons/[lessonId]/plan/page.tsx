import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Markdown } from "@/components/markdown";
import { PlanDiffSection } from "@/components/plan/plan-diff-section";
import { PlanHistory } from "@/components/plan/plan-history";
import { PlanVersionDetails } from "@/components/plan/plan-version-details";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { getPlanVersionDiff } from "@/lib/plan/get-plan-version-diff";
import { listPlanVersions } from "@/lib/plan/list-plan-versions";
import { teacherPlanPath } from "@/lib/plan/paths";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plan.plan"))("title") };
}

/** The current plan, what its latest version changed, and the history. Staff read it; teachers add versions. */
export default async function LessonPlanPage({ params }: { params: Promise<{ lessonId: string }> }) {
  const actor = await requirePortal("teacher");
  const { lessonId } = await params;
  const [{ versions, canEdit }, t] = await Promise.all([orHttpError(listPlanVersions(actor, lessonId)), getTranslations("plan.plan")]);
  const current = versions[0];
  const latestChange = current && current.version > 1 ? await orHttpError(getPlanVersionDiff(actor, { lessonId, version: current.version })) : null;
  const newVersionLink = canEdit && (
    <Link href={teacherPlanPath(lessonId, "new")} className={buttonClass("primary")} data-testid="plan-new-version">
      {current ? t("newVersion") : t("createFirst")}
    </Link>
  );

  if (!current) {
    return (
      <Card>
        <p className="text-sm text-slate-600">{t("empty")}</p>
        {newVersionLink ? <div className="mt-3">{newVersionLink}</div> : <p className="mt-2 text-sm text-slate-500">{t("readOnly")}</p>}
      </Card>
    );
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        {!canEdit && <p className="text-sm text-slate-500">{t("readOnly")}</p>}
        <div className="ml-auto">{newVersionLink}</div>
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Card title={t("current", { version: current.version })}>
            <div data-testid="plan-current" className="space-y-4">
              <PlanVersionDetails version={current} />
              <Markdown source={current.content} className="border-t border-slate-100 pt-3" />
            </div>
          </Card>
          {latestChange?.previousVersion && (
            <Card title={t("latestChange", { previous: latestChange.previousVersion })}>
              <PlanDiffSection diff={latestChange.diff} version={latestChange.version} />
            </Card>
          )}
        </div>
        <Card title={t("history")} className="self-start">
          <PlanHistory lessonId={lessonId} versions={versions} current={current.version} />
        </Card>
      </div>
    </div>
  );
}
