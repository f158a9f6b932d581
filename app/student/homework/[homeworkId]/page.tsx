import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { localized } from "@/components/course/localized";
import { lateDuration } from "@/components/homework/late-duration";
import { LatePolicyText } from "@/components/homework/late-policy-text";
import { HomeworkStatusBadge } from "@/components/homework/status-badge";
import { StudentGrade } from "@/components/homework/student-grade";
import { SubmissionForm } from "@/components/homework/submission-form";
import { ClientMessages } from "@/components/intl/client-messages";
import { Markdown } from "@/components/markdown";
import { fileSizeLabel } from "@/components/preclass/file-size";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { studentCoursePath } from "@/lib/course/paths";
import { submissionFilePath } from "@/lib/homework/paths";
import { getHomeworkForStudent } from "@/lib/homework/student-queries";
import { orHttpError } from "@/lib/page-errors";

const DATE_TIME = { month: "numeric", day: "numeric", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

interface Props {
  params: Promise<{ homeworkId: string }>;
}

const loadHomework = cache(async (homeworkId: string) => getHomeworkForStudent(await requirePortal("student"), homeworkId));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const homework = await loadHomework((await params).homeworkId).catch(() => null);
  return { title: homework?.title };
}

/** 作业 on the phone (also opened from the WeChat push): instructions, rules, the hand-in, and the released grade. */
export default async function StudentHomeworkPage({ params }: Props) {
  const { homeworkId } = await params;
  const [homework, t, td, format, locale] = await Promise.all([
    orHttpError(loadHomework(homeworkId)),
    getTranslations("homework.student"),
    getTranslations("homework.duration"),
    getFormatter(),
    getLocale(),
  ]);
  const { submission } = homework;
  const due = format.dateTime(homework.dueAt, DATE_TIME);

  return (
    <div className="space-y-4">
      <Link href={studentCoursePath(homework.courseId, "coursework")} className="inline-block text-sm text-brand-700">
        ← {localized(locale, homework.course.title, homework.course.titleEn)}
      </Link>
      <div>
        <h1 className="text-xl font-semibold">{homework.title}</h1>
        {homework.lesson && <p className="mt-0.5 text-sm text-slate-600">{homework.lesson.title}</p>}
      </div>
      <div
        data-testid="homework-deadline"
        data-overdue={homework.overdue}
        className={`space-y-1 rounded-lg px-3 py-2 text-sm ${homework.overdue ? "bg-amber-50 text-amber-900" : "bg-sky-50 text-sky-900"}`}
      >
        <p>
          {homework.extended ? t("dueExtended", { time: due }) : t("due", { time: due })}
          {homework.closed && ` · ${t("closed")}`}
        </p>
        <p className="text-xs">
          <LatePolicyText policy={homework} /> · {t("points", { points: homework.points })}
        </p>
      </div>
      <Card title={t("instructions")}>
        {homework.instructions.trim() ? <Markdown source={homework.instructions} className="text-sm" /> : <p className="text-sm text-slate-500">{t("noInstructions")}</p>}
        {homework.rubric && (
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-brand-700">{t("rubric")}</summary>
            <ul className="mt-2 space-y-2">
              {homework.rubric.map((criterion) => (
                <li key={criterion.id}>
                  <p className="font-medium">{criterion.title}</p>
                  <p className="text-xs text-slate-600">
                    {criterion.levels.map((level) => t("rubricLevel", { title: level.title, points: level.points })).join(" · ")}
                  </p>
                </li>
              ))}
            </ul>
          </details>
        )}
      </Card>
      {homework.grade && <StudentGrade grade={homework.grade} points={homework.points} rubric={homework.rubric} />}
      <ClientMessages namespaces={["homework"]}>
        <Card title={t("mySubmission")} actions={<HomeworkStatusBadge status={homework.status} />}>
          {submission && (
            <p className="mb-3 text-xs text-slate-600" data-testid="submission-info">
              {t("submittedAt", { time: format.dateTime(submission.submittedAt, DATE_TIME), version: submission.version })}
              {submission.lateMinutes > 0 && ` · ${t("late", { duration: lateDuration(submission.lateMinutes, (key, values) => td(key, values)) })}`}
            </p>
          )}
          {homework.canSubmit ? (
            <SubmissionForm
              homeworkId={homework.id}
              allowText={homework.allowText}
              allowFiles={homework.allowFiles}
              fileTypes={homework.fileTypes}
              maxFiles={homework.maxFiles}
              maxBytes={homework.maxBytes}
              existing={submission && { version: submission.version, text: submission.text, files: submission.files }}
              overdue={homework.overdue}
            />
          ) : (
            <div className="space-y-3">
              <p className="rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="submission-locked">
                {homework.closed ? t("closedNote") : t("gradedNote")}
              </p>
              {submission?.text.trim() && <Markdown source={submission.text} className="text-sm" />}
              {submission && submission.files.length > 0 && (
                <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
                  {submission.files.map((file) => (
                    <li key={file.id} className="flex items-center gap-2 px-3 py-2 text-sm">
                      <a href={submissionFilePath(file.id)} target="_blank" rel="noopener" className="min-w-0 flex-1 truncate text-brand-700">
                        {file.fileName}
                      </a>
                      <span className="shrink-0 text-xs text-slate-500">{fileSizeLabel(file.size)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </Card>
      </ClientMessages>
    </div>
  );
}
