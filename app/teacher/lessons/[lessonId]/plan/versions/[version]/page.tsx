import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Markdown } from "@/components/markdown";
import { PlanDiffSection } from "@/components/plan/plan-diff-section";
import { PlanHistory } from "@/components/plan/plan-history";
import { PlanVersionDetails } from "@/components/plan/plan-version-details";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { getPlanVersionDiff } from "@/lib/plan/get-plan-version-diff";
import { listPlanVersions } from "@/lib/plan/list-plan-versions";
import { teacherPlanPath } from "@/lib/plan/paths";
import { PlanVersionRefSchema } from "@/lib/plan/schemas";

interface Props {
  params: Promise<{ lessonId: string; version: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { version } = await params;
  return { title: (await getTranslations("plan.plan"))("version", { version }) };
}

/** One version: its note and causes, what it changed against its predecessor, and its full text. */
export default async function PlanVersionPage({ params }: Props) {
  const actor = await requirePortal("teacher");
  const ref = PlanVersionRefSchema.safeParse(await params);
  if (!ref.success) notFound();
  const { lessonId } = ref.data;
  const [{ versions }, change, t] = await Promise.all([
    orHttpError(listPlanVersions(actor, lessonId)),
    orHttpError(getPlanVersionDiff(actor, ref.data)),
    getTranslations("plan.plan"),
  ]);
  const entry = versions.find((v) => v.version === change.version);
  if (!entry) notFound();

  return (
    <div className="space-y-4">
      <Link href={teacherPlanPath(lessonId)} className="inline-block text-sm text-brand-700">
        {t("backToPlan")}
      </Link>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Card title={t("version", { version: entry.version })}>
            <PlanVersionDetails version={entry} />
          </Card>
          {change.previousVersion && (
            <Card title={t("diffAgainst", { previous: change.previousVersion })}>
              <PlanDiffSection diff={change.diff} version={change.version} />
            </Card>
          )}
          <Card title={t("content")}>
            <Markdown source={entry.content} />
          </Card>
        </div>
        <Card title={t("history")} className="self-start">
          <PlanHistory lessonId={lessonId} versions={versions} current={entry.version} />
        </Card>
      </div>
    </div>
  );
}
