import { getTranslations } from "next-intl/server";
import type { PlanDiff } from "@/lib/plan/plan-diff";
import { PlanDiffView } from "./plan-diff";

/** The diff of one version, labelled in the reader's language. */
export async function PlanDiffSection({ diff, version }: { diff: PlanDiff; version: number }) {
  const t = await getTranslations("plan.diff");
  return (
    <PlanDiffView
      diff={diff}
      labels={{
        title: t("label", { version }),
        summary: t("summary", { added: diff.added, removed: diff.removed }),
        added: t("added"),
        removed: t("removed"),
        noChanges: t("noChanges"),
        skipped: (lines) => t("skipped", { lines }),
      }}
    />
  );
}
