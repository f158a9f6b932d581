"use client";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { computeGradesAction, overrideGradeAction, releaseGradesAction } from "@/lib/peer/actions";
import type { SubmissionFlag } from "@/lib/peer/grades";
import { PEER_LIMITS } from "@/lib/peer/schemas";
import { ActionButton } from "./action-button";

export interface GradeRow {
  id: string;
  name: string;
  no: string;
  groupName: string | null;
  submissionId: string | null;
  peerGrade: number | null;
  submissionGrade: number | null;
  overridden: boolean;
  overrideNote: string | null;
  flags: SubmissionFlag[];
  reviewingGrade: number | null;
  activityGrade: number | null;
}

const fmt = (value: number | null) => (value === null ? "—" : value.toFixed(1));

function OverrideForm({ row }: { row: GradeRow }) {
  const t = useTranslations("peer.grades");
  const { state, formAction, pending, onSubmit } = useFormAction(overrideGradeAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-wrap items-center gap-1" data-testid="override-form">
      <input type="hidden" name="submissionId" value={row.submissionId ?? ""} />
      <input
        name="grade"
        type="number"
        min={0}
        max={100}
        step="0.5"
        aria-label={t("overrideFor", { name: row.name })}
        data-testid="override-input"
        defaultValue={row.overridden ? (row.submissionGrade ?? "") : ""}
        placeholder={t("overridePlaceholder")}
        className="w-20 rounded-lg border border-slate-300 px-2 py-1 text-sm"
      />
      <input name="note" aria-label={t("noteFor", { name: row.name })} maxLength={PEER_LIMITS.overrideNote} defaultValue={row.overrideNote ?? ""} placeholder={t("note")} className="w-28 rounded-lg border border-slate-300 px-2 py-1 text-sm" />
      <button type="submit" disabled={pending} data-testid="override-save" className="rounded-lg px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:text-slate-400">
        {t("overrideSave")}
      </button>
      <FormAlert state={state} />
    </form>
  );
}

/**
 * Grades per student: the peer grade of their submission (or the teacher's, marked), their grade for reviewing and
 * the activity grade; computing again, overriding, and releasing to students.
 */
export function GradesPanel({ activityId, rows, submissionWeight, canGrade, canRelease, gradable, released }: {
  activityId: string;
  rows: GradeRow[];
  submissionWeight: number;
  canGrade: boolean;
  canRelease: boolean;
  /** In grading evaluation or closed. */
  gradable: boolean;
  released: boolean;
}) {
  const t = useTranslations("peer.grades");
  const tf = useTranslations("peer.flags");
  return (
    <Card
      title={t("title")}
      actions={
        <div className="flex flex-wrap gap-2">
          {canGrade && gradable && <ActionButton action={computeGradesAction} fields={{ activityId }} testId="compute-grades" label={t("compute")} success={(d) => t("computed", { graded: d.graded, ungraded: d.ungraded })} />}
          {canRelease && gradable && (
            <ActionButton
              action={releaseGradesAction}
              fields={{ activityId, released: released ? "false" : "true" }}
              testId="release-grades"
              variant={released ? "secondary" : "primary"}
              label={released ? t("unrelease") : t("release")}
              confirm={released ? undefined : t("confirmRelease")}
            />
          )}
        </div>
      }
    >
      <p className="mb-2 text-sm text-slate-600">
        {t("formula", { weight: submissionWeight, rest: 100 - submissionWeight })}{" "}
        <span data-testid="release-state" data-released={released}>
          {released ? t("released") : t("notReleased")}
        </span>
      </p>
      <div className="overflow-x-auto">
        <table data-testid="grades-table" className="min-w-full text-sm">
          <thead className="text-left text-xs text-slate-500">
            <tr>
              <th className="px-2 py-1">{t("student")}</th>
              <th className="px-2 py-1">{t("submission")}</th>
              <th className="px-2 py-1">{t("reviewing")}</th>
              <th className="px-2 py-1">{t("activity")}</th>
              {canGrade && <th className="px-2 py-1">{t("override")}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="grade-row" className="border-t border-slate-100 align-top">
                <td className="px-2 py-1.5">
                  <span className="font-medium">{row.name}</span> <span className="font-mono text-xs text-slate-500">{row.no}</span>
                  {row.groupName && <span className="block text-xs text-slate-500">{row.groupName}</span>}
                </td>
                <td className="px-2 py-1.5" data-testid="submission-grade">
                  {row.submissionId ? fmt(row.submissionGrade) : <span className="text-slate-400">{t("noSubmission")}</span>}
                  {row.overridden && (
                    <span className="ml-1 rounded bg-sky-100 px-1 text-xs text-sky-800" title={row.overrideNote ?? ""}>
                      {t("overridden", { peer: fmt(row.peerGrade) })}
                    </span>
                  )}
                  {row.flags.map((f) => (
                    <span key={f} className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-800">
                      {tf(`submission.${f}`)}
                    </span>
                  ))}
                </td>
                <td className="px-2 py-1.5">{fmt(row.reviewingGrade)}</td>
                <td className="px-2 py-1.5 font-medium">{fmt(row.activityGrade)}</td>
                {canGrade && <td className="px-2 py-1.5">{row.submissionId && <OverrideForm row={row} />}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
