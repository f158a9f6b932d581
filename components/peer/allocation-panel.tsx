"use client";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { addReviewerAction, allocateNowAction, removeReviewerAction } from "@/lib/peer/actions";
import type { AllocationReport } from "@/lib/peer/run-allocation";
import { ActionButton } from "./action-button";

export interface MatrixSubmission {
  id: string;
  authorName: string;
  authorNo: string;
  late: boolean;
  assessments: { id: string; reviewerId: string; alias: string; kind: string; manual: boolean; submittedAt: Date | null }[];
}

export interface MatrixStudent {
  id: string;
  name: string;
  no: string;
}

function AddReviewer({ submissions, students }: { submissions: MatrixSubmission[]; students: MatrixStudent[] }) {
  const t = useTranslations("peer.allocation");
  const { state, formAction, pending, onSubmit } = useFormAction(addReviewerAction);
  return (
    <form data-testid="add-reviewer-form" action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
      <label className="text-sm">
        <span className="block text-slate-700">{t("submission")}</span>
        <select name="submissionId" data-testid="add-reviewer-submission" className="rounded-lg border border-slate-300 px-2 py-2 text-sm">
          {submissions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.authorName}（{s.authorNo}）
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block text-slate-700">{t("reviewer")}</span>
        <select name="reviewerId" data-testid="add-reviewer-student" className="rounded-lg border border-slate-300 px-2 py-2 text-sm">
          {students.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}（{s.no}）
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" variant="secondary" disabled={pending} data-testid="add-reviewer">
        {t("add")}
      </Button>
      <div className="w-full">
        <FormAlert state={state} success={state?.ok && state.data.warning === "same_group" ? t("addedSameGroup") : t("added")} />
      </div>
    </form>
  );
}

/**
 * Who reviews whom: reviewers down, submissions across; each cell shows the alias the author will see, whether the
 * review is in, and removes it. Shortfalls of the last run, "allocate now" and manual additions.
 */
export function AllocationPanel({ activityId, submissions, students, report, canManage, canAllocate }: {
  activityId: string;
  submissions: MatrixSubmission[];
  students: MatrixStudent[];
  report: AllocationReport | null;
  canManage: boolean;
  canAllocate: boolean;
}) {
  const t = useTranslations("peer.allocation");
  const format = useFormatter();
  const cell = new Map(submissions.flatMap((s) => s.assessments.filter((a) => a.kind === "PEER").map((a) => [`${a.reviewerId}|${s.id}`, a] as const)));
  const reviewerIds = new Set([...cell.values()].map((a) => a.reviewerId));
  const reviewers = students.filter((st) => reviewerIds.has(st.id));
  const nameOf = new Map(submissions.map((s) => [s.id, s.authorName]));
  return (
    <Card
      title={t("title")}
      actions={canManage && canAllocate && <ActionButton action={allocateNowAction} fields={{ activityId }} testId="allocate-now" label={t("allocateNow")} success={(data) => t("allocated", { count: data.created })} />}
    >
      {report ? (
        <div className="mb-3 space-y-1 text-sm">
          <p className="text-slate-600">{t("lastRun", { at: format.dateTime(new Date(report.at), { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }), k: report.k })}</p>
          {report.shortfall.length > 0 && (
            <div data-testid="allocation-shortfall" className="rounded-lg bg-amber-50 px-3 py-2 text-amber-900">
              <p className="font-medium">{t("shortfall", { count: report.shortfall.length })}</p>
              <ul className="mt-1 list-disc pl-5">
                {report.shortfall.map((s) => (
                  <li key={s.submissionId}>{t("shortfallItem", { name: nameOf.get(s.submissionId) ?? "—", got: s.got, wanted: s.wanted, eligible: s.eligible })}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      ) : (
        <p className="mb-3 text-sm text-slate-500">{t("notYet")}</p>
      )}
      {reviewers.length > 0 && (
        <div className="overflow-x-auto">
          <table data-testid="allocation-matrix" className="min-w-full border-collapse text-xs">
            <thead>
              <tr>
                <th className="sticky left-0 bg-white px-2 py-1 text-left">{t("reviewerDown")}</th>
                {submissions.map((s) => (
                  <th key={s.id} className="px-1 py-1 font-normal text-slate-600" title={s.authorNo}>
                    <span className="block max-w-16 truncate">{s.authorName}</span>
                    {s.late && <span className="text-amber-700">{t("late")}</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {reviewers.map((r) => (
                <tr key={r.id} className="border-t border-slate-100">
                  <th className="sticky left-0 whitespace-nowrap bg-white px-2 py-1 text-left font-normal">{r.name}</th>
                  {submissions.map((s) => {
                    const a = cell.get(`${r.id}|${s.id}`);
                    return (
                      <td key={s.id} data-testid={a ? "matrix-cell" : undefined} data-done={a ? !!a.submittedAt : undefined} className="px-1 py-1 text-center">
                        {a && (
                          <span className={`inline-flex items-center gap-0.5 rounded px-1 ${a.submittedAt ? "bg-emerald-100 text-emerald-800" : "bg-slate-100 text-slate-700"}`}>
                            {a.alias}
                            {a.submittedAt ? "✓" : "…"}
                            {a.manual && "*"}
                            {canManage && (
                              <ActionButton
                                action={removeReviewerAction}
                                fields={{ assessmentId: a.id }}
                                small
                                testId="remove-reviewer"
                                label="×"
                                ariaLabel={t("remove", { reviewer: r.name, author: s.authorName })}
                                confirm={t("confirmRemove", { reviewer: r.name, author: s.authorName })}
                                className="inline"
                              />
                            )}
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-1 text-xs text-slate-500">{t("legend")}</p>
        </div>
      )}
      {canManage && canAllocate && submissions.length > 0 && (
        <div className="mt-4 border-t border-slate-100 pt-3">
          <AddReviewer submissions={submissions} students={students} />
        </div>
      )}
    </Card>
  );
}
