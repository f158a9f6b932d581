"use client";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { resolveFlagAction } from "@/lib/peer/actions";
import { ActionButton } from "./action-button";

export interface DisagreementItem {
  assessmentId: string;
  authorName: string;
  reviewerName: string;
  alias: string;
  distance: number;
  score: number | null;
}

export interface FlagItem {
  assessmentId: string;
  authorName: string;
  reviewerName: string;
  alias: string;
  reason: string;
  resolvedAt: Date | null;
}

/** Reviews far from their submission's consensus, and reviews authors flagged as unfair (with resolve). */
export function QualityPanel({ disagreements, flags, canResolve }: { disagreements: DisagreementItem[]; flags: FlagItem[]; canResolve: boolean }) {
  const t = useTranslations("peer.flags");
  return (
    <Card title={t("title")}>
      <h3 className="mb-1 text-sm font-semibold">{t("flagged", { count: flags.filter((f) => !f.resolvedAt).length })}</h3>
      {flags.length === 0 ? (
        <p className="mb-3 text-sm text-slate-500">{t("noFlags")}</p>
      ) : (
        <ul data-testid="flag-list" className="mb-4 space-y-2 text-sm">
          {flags.map((f) => (
            <li key={f.assessmentId} data-testid="flag-item" className="rounded-lg border border-slate-200 px-3 py-2">
              <p>{t("flagLine", { author: f.authorName, reviewer: f.reviewerName, alias: f.alias })}</p>
              <p className="mt-1 whitespace-pre-wrap text-slate-700">“{f.reason}”</p>
              {f.resolvedAt ? (
                <p className="mt-1 text-xs text-emerald-700">{t("resolved")}</p>
              ) : (
                canResolve && <ActionButton action={resolveFlagAction} fields={{ assessmentId: f.assessmentId }} testId="resolve-flag" label={t("resolve")} className="mt-2" />
              )}
            </li>
          ))}
        </ul>
      )}
      <h3 className="mb-1 text-sm font-semibold">{t("disagreements")}</h3>
      <p className="mb-2 text-xs text-slate-500">{t("disagreementsHint")}</p>
      {disagreements.length === 0 ? (
        <p className="text-sm text-slate-500">{t("noDisagreements")}</p>
      ) : (
        <ul data-testid="disagreement-list" className="divide-y divide-slate-100 rounded-lg border border-slate-200 text-sm">
          {disagreements.map((d) => (
            <li key={d.assessmentId} className="flex flex-wrap gap-2 px-3 py-2">
              <span>{t("disagreementLine", { reviewer: d.reviewerName, alias: d.alias, author: d.authorName })}</span>
              <span className="ml-auto text-slate-600">{t("distance", { distance: Math.round(d.distance * 100), score: d.score === null ? "—" : d.score.toFixed(1) })}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
