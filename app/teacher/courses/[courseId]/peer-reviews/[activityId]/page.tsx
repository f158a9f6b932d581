import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { Markdown } from "@/components/markdown";
import { AllocationPanel } from "@/components/peer/allocation-panel";
import { ExamplesPanel } from "@/components/peer/examples-panel";
import { GradesPanel } from "@/components/peer/grades-panel";
import { PhaseBar } from "@/components/peer/phase-bar";
import { PhaseControls } from "@/components/peer/phase-controls";
import { ProgressPanel } from "@/components/peer/progress-panel";
import { QualityPanel } from "@/components/peer/quality-panel";
import { RubricView } from "@/components/peer/rubric-view";
import { SetupForm } from "@/components/peer/setup-form";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { localValueOf } from "@/lib/preclass/local-datetime";
import { peerFilePath, teacherPeerReviewsPath } from "@/lib/peer/paths";
import { getPeerReviewForTeacher } from "@/lib/peer/teacher-view";

const local = (date: Date | null) => (date ? localValueOf(date) : "");

/** One peer review for the teacher (desktop first): phases, setup, examples, allocation, progress, grades, flags. */
export default async function PeerReviewPage({ params }: { params: Promise<{ courseId: string; activityId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId, activityId } = await params;
  const [view, t] = await Promise.all([orHttpError(getPeerReviewForTeacher(actor, activityId)), getTranslations("peer")]);
  const { activity } = view;
  if (activity.courseId !== courseId) notFound();
  const phase = activity.phase;
  const started = phase !== "SETUP";
  const reviewing = phase === "ASSESSMENT" || phase === "GRADING" || phase === "CLOSED";
  const studentAssessed = view.submissions.some((s) => s.assessments.some((a) => a.submittedAt)) || view.examples.some((e) => e.calibrations > 0);
  const submissionOf = new Map(view.submissions.map((s) => [s.authorId, s]));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <Link href={teacherPeerReviewsPath(courseId)} className="text-sm text-brand-700 hover:underline">
          ← {t("list.title")}
        </Link>
        <h2 data-testid="peer-title" className="w-full text-lg font-semibold">
          {activity.title}
        </h2>
      </div>
      <ClientMessages namespaces={["peer"]}>
        <Card>
          <PhaseBar
            phase={phase}
            submissionOpensAt={activity.submissionOpensAt}
            submissionClosesAt={activity.submissionClosesAt}
            assessmentClosesAt={activity.assessmentClosesAt}
            autoSwitch={activity.autoSwitch}
          />
          {view.overduePhase && (
            <p data-testid="phase-overdue" className="mt-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t("teacher.overdue", { phase: t(`phase.${view.overduePhase}`) })}
            </p>
          )}
          {view.canManage && (
            <div className="mt-3">
              <PhaseControls activityId={activity.id} phase={phase} hasSubmissions={view.submissions.length > 0} />
            </div>
          )}
        </Card>

        {view.canManage ? (
          <details open={phase === "SETUP"} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <summary data-testid="setup-toggle" className="cursor-pointer text-base font-semibold">
              {t("teacher.setup")}
            </summary>
            <div className="mt-4">
              <SetupForm
                courseId={courseId}
                lessons={view.lessons}
                assessmentItems={view.assessmentItems}
                rubricLocked={studentAssessed}
                anonymityLocked={reviewing}
                values={{
                  activityId: activity.id,
                  title: activity.title,
                  instructions: activity.instructions,
                  lessonId: activity.lessonId ?? "",
                  assessmentItemId: activity.assessmentItemId ?? "",
                  autoSwitch: activity.autoSwitch,
                  submissionOpensAt: local(activity.submissionOpensAt),
                  submissionClosesAt: local(activity.submissionClosesAt),
                  assessmentClosesAt: local(activity.assessmentClosesAt),
                  reviewsPerSubmission: activity.reviewsPerSubmission,
                  selfAssessment: activity.selfAssessment,
                  excludeOwnGroup: activity.excludeOwnGroup,
                  anonymity: activity.anonymity,
                  aggregation: activity.aggregation,
                  submissionWeight: activity.submissionWeight,
                  rubric: activity.rubric,
                  calibrationRequired: activity.calibrationRequired,
                  calibrationThreshold: activity.calibrationThreshold,
                  allowText: activity.allowText,
                  allowFiles: activity.allowFiles,
                  fileTypes: activity.fileTypes,
                  maxFiles: activity.maxFiles,
                }}
              />
            </div>
          </details>
        ) : (
          <Card title={t("teacher.instructions")}>
            <Markdown source={activity.instructions} className="text-sm" />
          </Card>
        )}

        <ExamplesPanel activityId={activity.id} examples={view.examples} rubric={activity.rubric} editable={view.canManage && phase !== "GRADING" && phase !== "CLOSED"} />

        {started && (
          <ProgressPanel
            activityId={activity.id}
            rows={view.students}
            canRemind={view.canGrade && phase === "ASSESSMENT"}
            calibrationRequired={activity.calibrationRequired}
          />
        )}

        {started && (
          <AllocationPanel
            activityId={activity.id}
            submissions={view.submissions.map((s) => ({
              id: s.id,
              authorName: s.authorName,
              authorNo: s.authorNo,
              late: s.late,
              assessments: s.assessments.map((a) => ({ id: a.id, reviewerId: a.reviewerId, alias: a.alias, kind: a.kind, manual: a.manual, submittedAt: a.submittedAt })),
            }))}
            students={view.students.map((s) => ({ id: s.id, name: s.name, no: s.no }))}
            report={view.allocationReport}
            canManage={view.canManage}
            canAllocate={phase === "SUBMISSION" || phase === "ASSESSMENT"}
          />
        )}

        {reviewing && (
          <GradesPanel
            activityId={activity.id}
            submissionWeight={activity.submissionWeight}
            canGrade={view.canGrade}
            canRelease={view.canManage}
            gradable={phase === "GRADING" || phase === "CLOSED"}
            released={!!activity.gradesReleasedAt}
            rows={view.students
              .filter((s) => s.submitted || s.reviewsAllocated > 0)
              .map((s) => {
                const submission = submissionOf.get(s.id);
                return {
                  id: s.id,
                  name: s.name,
                  no: s.no,
                  groupName: s.groupName,
                  submissionId: submission?.id ?? null,
                  peerGrade: submission?.grade ?? null,
                  submissionGrade: s.submissionGrade,
                  overridden: s.overridden,
                  overrideNote: submission?.overrideNote ?? null,
                  flags: submission?.flags ?? [],
                  reviewingGrade: s.reviewingGrade,
                  activityGrade: s.activityGrade,
                };
              })}
          />
        )}

        {reviewing && <QualityPanel disagreements={view.disagreements} flags={view.flags} canResolve={view.canGrade} />}
      </ClientMessages>

      {started && view.submissions.length > 0 && (
        <Card title={t("teacher.submissions", { count: view.submissions.length })}>
          <ul className="space-y-2">
            {view.submissions.map((s) => (
              <li key={s.id} data-testid="teacher-submission">
                <details className="rounded-lg border border-slate-200 px-3 py-2">
                  <summary className="cursor-pointer text-sm">
                    <span className="font-medium">{s.authorName}</span> <span className="font-mono text-xs text-slate-500">{s.authorNo}</span>
                    {s.late && <span className="ml-2 text-xs text-amber-700">{t("teacher.late")}</span>}
                  </summary>
                  <div className="mt-2 space-y-3">
                    {s.text && <Markdown source={s.text} className="text-sm" />}
                    {s.files.length > 0 && (
                      <ul className="text-sm">
                        {s.files.map((f) => (
                          <li key={f.id}>
                            <a href={peerFilePath(f.id)} target="_blank" rel="noopener" className="text-brand-700 hover:underline">
                              {f.name}
                            </a>
                          </li>
                        ))}
                      </ul>
                    )}
                    {s.assessments
                      .filter((a) => a.submittedAt)
                      .map((a) => (
                        <div key={a.id} className="rounded-lg border border-slate-100 p-2">
                          <p className="mb-1 text-xs text-slate-600">
                            {a.kind === "SELF" ? t("teacher.selfBy") : t("teacher.reviewBy", { alias: a.alias, name: a.reviewerName })}
                            {a.score !== null && ` · ${a.score.toFixed(1)}%`}
                            {a.reviewGrade !== null && a.kind === "PEER" && ` · ${t("teacher.reviewGrade", { grade: a.reviewGrade.toFixed(1) })}`}
                          </p>
                          <RubricView rubric={activity.rubric} levels={a.levels} comments={a.comments} />
                        </div>
                      ))}
                  </div>
                </details>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
