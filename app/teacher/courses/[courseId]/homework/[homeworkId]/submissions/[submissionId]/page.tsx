import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { GradingForm } from "@/components/homework/grading-form";
import { lateDuration } from "@/components/homework/late-duration";
import { LatePolicyText } from "@/components/homework/late-policy-text";
import { ClientMessages } from "@/components/intl/client-messages";
import { Markdown } from "@/components/markdown";
import { fileSizeLabel } from "@/components/preclass/file-size";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { lateSettingsOf } from "@/lib/homework/late-deduction";
import { submissionFilePath, teacherHomeworkPath } from "@/lib/homework/paths";
import { getSubmissionForGrading } from "@/lib/homework/teacher-queries";
import { orHttpError } from "@/lib/page-errors";

const DATE_TIME = { year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

interface Props {
  params: Promise<{ courseId: string; homeworkId: string; submissionId: string }>;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("homework.grading"))("pageTitle") };
}

/** One submission: what the student handed in, when, and the grading form (grades.manage) or the grade (grades.view). */
export default async function SubmissionPage({ params }: Props) {
  const actor = await requirePortal("teacher");
  const { courseId, homeworkId, submissionId } = await params;
  const submission = await orHttpError(getSubmissionForGrading(actor, courseId, submissionId));
  if (submission.homework.id !== homeworkId) notFound();
  const [t, td, format] = await Promise.all([getTranslations("homework.grading"), getTranslations("homework.duration"), getFormatter()]);
  const { homework } = submission;

  return (
    <ClientMessages namespaces={["homework"]}>
      <Link href={teacherHomeworkPath(courseId, homeworkId)} className="mb-2 inline-block text-sm text-brand-700">
        ← {homework.title}
      </Link>
      <h2 className="mb-4 text-lg font-semibold">
        {submission.user.name} <span className="font-mono text-sm font-normal text-slate-500">{submission.user.no}</span>
      </h2>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-4">
          <Card title={t("submitted")}>
            <p className="mb-3 flex flex-wrap items-center gap-2 text-sm text-slate-600">
              {t("submittedAt", { time: format.dateTime(submission.submittedAt, DATE_TIME), version: submission.version })}
              {submission.lateMinutes > 0 ? (
                <Badge tone="amber">{t("late", { duration: lateDuration(submission.lateMinutes, (key, values) => td(key, values)) })}</Badge>
              ) : (
                <Badge tone="green">{t("onTime")}</Badge>
              )}
            </p>
            <p className="mb-3 text-xs text-slate-500">
              {t(submission.extended ? "dueExtended" : "due", { time: format.dateTime(submission.dueAt, DATE_TIME) })} · <LatePolicyText policy={homework} />
            </p>
            <div data-testid="submission-text-view">
              {submission.text.trim() ? <Markdown source={submission.text} className="text-sm" /> : <p className="text-sm text-slate-500">{t("noText")}</p>}
            </div>
            {submission.files.length > 0 && (
              <ul className="mt-3 divide-y divide-slate-100 rounded-lg border border-slate-200" data-testid="submission-file-list">
                {submission.files.map((file) => (
                  <li key={file.id} className="flex items-center gap-2 px-3 py-2 text-sm">
                    <a href={submissionFilePath(file.id)} target="_blank" rel="noopener" className="min-w-0 flex-1 truncate text-brand-700 hover:underline">
                      {file.fileName}
                    </a>
                    <span className="shrink-0 text-xs text-slate-500">{fileSizeLabel(file.size)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <div className="space-y-4">
          {!homework.gradesReleasedAt && <p className="rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700">{t("hiddenUntilRelease")}</p>}
          {submission.canGrade ? (
            <GradingForm
              submissionId={submission.id}
              rubric={homework.rubric}
              points={homework.points}
              late={lateSettingsOf(homework)}
              lateMinutes={submission.lateMinutes}
              initial={{ picks: submission.rubricLevels, criterionComments: submission.criterionComments, rawScore: submission.rawScore, feedback: submission.feedback }}
            />
          ) : (
            <Card title={t("title")}>
              {submission.score === null ? (
                <p className="text-sm text-slate-500">{t("notGraded")}</p>
              ) : (
                <div className="space-y-2 text-sm">
                  <p className="text-lg font-semibold">{t("scoreOf", { score: submission.score, points: homework.points })}</p>
                  {submission.feedback.trim() && <Markdown source={submission.feedback} />}
                </div>
              )}
            </Card>
          )}
        </div>
      </div>
    </ClientMessages>
  );
}
