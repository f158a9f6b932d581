"use client";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { remindAction } from "@/lib/peer/actions";
import { ActionButton } from "./action-button";

export interface ProgressRow {
  id: string;
  name: string;
  no: string;
  submitted: boolean;
  reviewsAllocated: number;
  reviewsDone: number;
  selfPending: boolean;
  calibrationCloseness: number | null;
}

/** Who has not handed in, who still has reviews to do, and one button to remind the latter on WeChat. */
export function ProgressPanel({ activityId, rows, canRemind, calibrationRequired }: { activityId: string; rows: ProgressRow[]; canRemind: boolean; calibrationRequired: boolean }) {
  const t = useTranslations("peer.progress");
  const pending = rows.filter((r) => r.reviewsDone < r.reviewsAllocated || r.selfPending);
  const missing = rows.filter((r) => !r.submitted);
  const done = rows.reduce((n, r) => n + r.reviewsDone, 0);
  const allocated = rows.reduce((n, r) => n + r.reviewsAllocated, 0);
  return (
    <Card
      title={t("title")}
      actions={
        canRemind &&
        pending.length > 0 && (
          <ActionButton action={remindAction} fields={{ activityId }} testId="remind-button" variant="primary" label={t("remind", { count: pending.length })} success={(data) => t("reminded", { count: data.reminded })} />
        )
      }
    >
      <p data-testid="progress-summary" className="mb-3 text-sm text-slate-700">
        {t("summary", { submitted: rows.length - missing.length, students: rows.length, done, allocated })}
      </p>
      {pending.length > 0 ? (
        <ul data-testid="progress-list" className="divide-y divide-slate-100 rounded-lg border border-slate-200 text-sm">
          {pending.map((r) => (
            <li key={r.id} data-testid="progress-row" className="flex flex-wrap items-center gap-2 px-3 py-2">
              <span className="font-medium">{r.name}</span>
              <span className="font-mono text-xs text-slate-500">{r.no}</span>
              <span className="ml-auto text-slate-600">{t("reviews", { done: r.reviewsDone, allocated: r.reviewsAllocated })}</span>
              {r.selfPending && <span className="text-amber-700">{t("selfPending")}</span>}
              {calibrationRequired && r.calibrationCloseness === null && <span className="text-amber-700">{t("notCalibrated")}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">{t("allDone")}</p>
      )}
      {missing.length > 0 && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-slate-700">{t("notSubmitted", { count: missing.length })}</summary>
          <p className="mt-1 text-slate-600">{missing.map((r) => r.name).join("、")}</p>
        </details>
      )}
    </Card>
  );
}
