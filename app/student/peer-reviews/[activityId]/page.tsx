import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { Markdown } from "@/components/markdown";
import { CalibrationForm, ReviewForm } from "@/components/peer/assessment-form";
import { FlagForm } from "@/components/peer/flag-form";
import { PhaseBar } from "@/components/peer/phase-bar";
import { RubricView } from "@/components/peer/rubric-view";
import { SubmitForm } from "@/components/peer/submit-form";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { peerFilePath } from "@/lib/peer/paths";
import { getPeerReviewForStudent } from "@/lib/peer/student-view";

const DATE_TIME = { month: "numeric", day: "numeric", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
const fmt = (value: number | null) => (value === null ? "—" : value.toFixed(1));

/**
 * 同伴互评 on the phone: the phase bar and what to do now, then the student's work, calibration on the examples,
 * the review queue (作品 1, 2 … without authors in double-blind) and, once released, the results with reviewers as
 * 评审人 A/B/C. Everything shown comes from getPeerReviewForStudent, which carries nothing anonymity forbids.
 */
export default async function StudentPeerReviewPage({ params }: { params: Promise<{ activityId: string }> }) {
  const actor = await requirePortal("student");
  const { activityId } = await params;
  const [view, t, format] = await Promise.all([orHttpError(getPeerReviewForStudent(actor, activityId)), getTranslations("peer"), getFormatter()]);
  const { activity, todo, calibration, results } = view;
  const deadline = activity.phase === "SUBMISSION" ? activity.submissionClosesAt : activity.phase === "ASSESSMENT" ? activity.assessmentClosesAt : null;
  const showCalibration = calibration.examples.length > 0 && (activity.phase === "SUBMISSION" || activity.phase === "ASSESSMENT" || calibration.examples.some((e) => e.attempted));

  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-slate-500">{activity.courseTitle}</p>
        <h1 data-testid="peer-title" className="text-xl font-semibold">
          {activity.title}
        </h1>
      </div>
      <PhaseBar phase={activity.phase} submissionOpensAt={activity.submissionOpensAt} submissionClosesAt={activity.submissionClosesAt} assessmentClosesAt={activity.assessmentClosesAt} />
      <p data-testid="student-todo" data-todo={todo} className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {t(`todo.${todo}`, { k: activity.reviewsPerSubmission })}
        {deadline && ` ${t("todo.deadline", { time: format.dateTime(deadline, DATE_TIME) })}`}
      </p>

      <details open={!view.mySubmission} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <summary className="cursor-pointer text-base font-semibold">{t("student.instructions")}</summary>
        <div className="mt-2 space-y-2">
          <Markdown source={activity.instructions} className="text-sm" />
          <p className="text-xs text-slate-500">{t(`anonymityHint.${activity.anonymity}`)}</p>
        </div>
      </details>

      <ClientMessages namespaces={["peer"]}>
        <Card title={t("student.myWork")}>
          {view.mySubmission && (
            <p data-testid="my-submission-state" className="mb-2 text-sm text-slate-600">
              {t("student.submittedAt", { time: format.dateTime(view.mySubmission.submittedAt, DATE_TIME) })}
              {view.mySubmission.late && <span className="ml-1 text-amber-700">{t("student.late")}</span>}
            </p>
          )}
          {view.canSubmit ? (
            <SubmitForm
              activityId={activity.id}
              allowText={activity.allowText}
              allowFiles={activity.allowFiles}
              fileTypes={activity.fileTypes}
              maxFiles={activity.maxFiles}
              initialText={view.mySubmission?.text ?? ""}
              files={view.mySubmission?.files ?? []}
              replacing={!!view.mySubmission}
            />
          ) : view.mySubmission ? (
            <div className="space-y-2">
              {view.mySubmission.text && <Markdown source={view.mySubmission.text} className="text-sm" />}
              <FileList files={view.mySubmission.files} />
            </div>
          ) : (
            <p className="text-sm text-slate-500">{t("student.noSubmission")}</p>
          )}
        </Card>

        {showCalibration && (
          <Card title={t("calibration.title")}>
            <p className="mb-3 text-sm text-slate-600">
              {calibration.required
                ? calibration.threshold !== null
                  ? t("calibration.requiredThreshold", { threshold: calibration.threshold })
                  : t("calibration.required")
                : t("calibration.optional")}
            </p>
            {calibration.passed && calibration.required && (
              <p data-testid="calibration-passed" className="mb-3 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
                {t("calibration.passed")}
              </p>
            )}
            {calibration.exhausted && <p className="mb-3 text-sm text-amber-700">{t("calibration.exhausted")}</p>}
            <ol className="space-y-4">
              {calibration.examples.map((example) => (
                <li key={example.id} data-testid="calibration-example" className="space-y-3 rounded-lg border border-slate-200 p-3">
                  <h3 className="font-medium">{t("calibration.example", { n: example.position })}</h3>
                  <Markdown source={example.text} className="text-sm" />
                  {example.attempted && (
                    <div className="space-y-2">
                      <p data-testid="calibration-closeness" className="text-sm font-medium">
                        {t("calibration.closeness", { closeness: fmt(example.closeness) })}
                      </p>
                      <div className="grid gap-2">
                        <div>
                          <p className="mb-1 text-xs font-medium text-slate-600">{t("calibration.yours")}</p>
                          {example.mine && <RubricView rubric={activity.rubric} levels={example.mine.levels} comments={example.mine.comments} />}
                        </div>
                        <div>
                          <p className="mb-1 text-xs font-medium text-slate-600">{t("calibration.reference")}</p>
                          {example.reference && <RubricView testId="calibration-reference" rubric={activity.rubric} levels={example.reference.levels} comments={example.reference.comments} />}
                        </div>
                      </div>
                    </div>
                  )}
                  {example.canAttempt && <CalibrationForm exampleId={example.id} rubric={activity.rubric} />}
                </li>
              ))}
            </ol>
          </Card>
        )}

        {view.reviews.length > 0 && (
          <Card title={t("student.queue", { count: view.reviews.filter((r) => r.kind === "PEER").length })}>
            <ol className="space-y-4">
              {view.reviews.map((review) => (
                <li key={review.id} data-testid="review-item" data-kind={review.kind} data-done={!!review.submittedAt} className="space-y-3 rounded-lg border border-slate-200 p-3">
                  <h3 className="font-medium">
                    {review.kind === "SELF" ? t("student.selfTitle") : t("student.workTitle", { n: review.position })}
                    {review.authorName && <span className="ml-1 text-sm font-normal text-slate-600">· {review.authorName}</span>}
                    {review.submittedAt && <span className="ml-2 text-xs font-normal text-emerald-700">{t("student.reviewDone")}</span>}
                  </h3>
                  <div data-testid="review-work" className="rounded-lg bg-slate-50 p-3">
                    {review.text ? <Markdown source={review.text} className="text-sm" /> : <p className="text-sm text-slate-500">{t("student.noText")}</p>}
                    <FileList files={review.files} />
                  </div>
                  {review.editable ? (
                    <ReviewForm assessmentId={review.id} rubric={activity.rubric} initial={{ levels: review.levels, comments: review.comments }} submitted={!!review.submittedAt} />
                  ) : (
                    <RubricView rubric={activity.rubric} levels={review.levels} comments={review.comments} />
                  )}
                </li>
              ))}
            </ol>
          </Card>
        )}

        {results && (
          <Card title={t("results.title")}>
            <dl data-testid="results" className="mb-4 grid grid-cols-3 gap-2 text-center">
              <div className="rounded-lg bg-slate-50 p-2">
                <dt className="text-xs text-slate-500">{t("results.submission")}</dt>
                <dd data-testid="result-grade" className="text-lg font-semibold">
                  {fmt(results.grade)}
                </dd>
                {results.overridden && <dd className="text-[11px] text-sky-700">{t("results.overridden")}</dd>}
              </div>
              <div className="rounded-lg bg-slate-50 p-2">
                <dt className="text-xs text-slate-500">{t("results.reviewing")}</dt>
                <dd className="text-lg font-semibold">{fmt(results.reviewingGrade)}</dd>
                <dd className="text-[11px] text-slate-500">{t("results.reviewsDone", { done: results.reviewsDone, allocated: results.reviewsAllocated })}</dd>
              </div>
              <div className="rounded-lg bg-brand-50 p-2">
                <dt className="text-xs text-slate-500">{t("results.activity")}</dt>
                <dd data-testid="result-activity-grade" className="text-lg font-semibold text-brand-700">
                  {fmt(results.activityGrade)}
                </dd>
              </div>
            </dl>
            <p className="mb-3 text-xs text-slate-500">{t("results.formula", { weight: activity.submissionWeight, rest: 100 - activity.submissionWeight })}</p>
            {results.reviews.length === 0 && <p className="text-sm text-slate-500">{t("results.noReviews")}</p>}
            <ul className="space-y-3">
              {results.reviews.map((review) => (
                <li key={review.id} data-testid="received-review" className="space-y-2 rounded-lg border border-slate-200 p-3">
                  <h3 className="font-medium">
                    {t("results.reviewer", { alias: review.alias })}
                    {review.reviewerName && <span className="ml-1 font-normal text-slate-600">· {review.reviewerName}</span>}
                    {review.score !== null && <span className="ml-2 text-sm font-normal text-slate-600">{fmt(review.score)}%</span>}
                  </h3>
                  <RubricView rubric={activity.rubric} levels={review.levels} comments={review.comments} />
                  {review.flagged ? (
                    <p className="text-sm text-slate-600">{review.flagResolved ? t("results.flagResolved") : t("results.flagPending")}</p>
                  ) : (
                    <FlagForm assessmentId={review.id} alias={review.alias} />
                  )}
                </li>
              ))}
            </ul>
            {results.self && (
              <div className="mt-3">
                <p className="mb-1 text-sm font-medium">{t("results.self")}</p>
                <RubricView rubric={activity.rubric} levels={results.self.levels} comments={results.self.comments} />
              </div>
            )}
          </Card>
        )}
      </ClientMessages>
    </div>
  );
}

function FileList({ files }: { files: { id: string; name: string }[] }) {
  if (files.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1 text-sm">
      {files.map((file) => (
        <li key={file.id}>
          <a href={peerFilePath(file.id)} target="_blank" rel="noopener" data-testid="work-file" className="text-brand-700 hover:underline">
            📎 {file.name}
          </a>
        </li>
      ))}
    </ul>
  );
}
