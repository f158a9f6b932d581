import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { cache } from "react";
import { SectionHeader } from "@/components/course/section-header";
import { HomeworkActions } from "@/components/homework/homework-actions";
import { HomeworkForm } from "@/components/homework/homework-form";
import { LatePolicyText } from "@/components/homework/late-policy-text";
import { SubmissionsTable } from "@/components/homework/submissions-table";
import { ClientMessages } from "@/components/intl/client-messages";
import { Markdown } from "@/components/markdown";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { teacherCoursePath } from "@/lib/course/paths";
import { getHomeworkEditor, getHomeworkOverview } from "@/lib/homework/teacher-queries";
import { orHttpError } from "@/lib/page-errors";

const DATE_TIME = { year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

interface Props {
  params: Promise<{ courseId: string; homeworkId: string }>;
}

const loadOverview = cache(async (homeworkId: string) => getHomeworkOverview(await requirePortal("teacher"), homeworkId));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const overview = await loadOverview((await params).homeworkId).catch(() => null);
  return { title: overview?.homework.title };
}

/** One homework for its staff: state and actions, every student's submission, extensions, and the settings. */
export default async function HomeworkPage({ params }: Props) {
  const actor = await requirePortal("teacher");
  const { courseId, homeworkId } = await params;
  const overview = await orHttpError(loadOverview(homeworkId));
  if (overview.homework.courseId !== courseId) notFound();
  const editor = overview.canManage ? await orHttpError(getHomeworkEditor(actor, courseId, homeworkId)) : null;
  const [t, format] = await Promise.all([getTranslations("homework.overview"), getFormatter()]);
  const { homework, counts } = overview;
  const published = homework.status === "PUBLISHED";

  return (
    <ClientMessages namespaces={["homework"]}>
      <Link href={teacherCoursePath(courseId, "homework")} className="mb-2 inline-block text-sm text-brand-700">
        ← {t("back")}
      </Link>
      <SectionHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {homework.title}
            <span data-testid="homework-state" data-state={homework.status}>
              {published ? <Badge tone="blue">{t("published")}</Badge> : <Badge>{t("draft")}</Badge>}
            </span>
            {homework.gradesReleasedAt && <Badge tone="green">{t("released")}</Badge>}
          </span>
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Card title={t("submissions")} actions={published && <span className="text-xs text-slate-500">{t("counts", counts)}</span>}>
            {published ? <SubmissionsTable overview={overview} /> : <p className="text-sm text-slate-500">{t("notPublished")}</p>}
          </Card>
        </div>
        <div className="space-y-4">
          <Card title={t("summary")}>
            <dl className="space-y-2 text-sm">
              <div>
                <dt className="text-xs text-slate-500">{t("due")}</dt>
                <dd data-testid="homework-due-at">{format.dateTime(homework.dueAt, DATE_TIME)}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">{t("latePolicy")}</dt>
                <dd>
                  <LatePolicyText policy={homework} />
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">{t("grading")}</dt>
                <dd>{homework.rubric ? t("rubricPoints", { criteria: homework.rubric.length, points: homework.points }) : t("points", { points: homework.points })}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">{t("assessment")}</dt>
                <dd>{homework.assessment ? `${homework.assessment.name}（${homework.assessment.weight}%）` : t("notCounted")}</dd>
              </div>
              {homework.lesson && (
                <div>
                  <dt className="text-xs text-slate-500">{t("lesson")}</dt>
                  <dd>{homework.lesson.title}</dd>
                </div>
              )}
              <div>
                <dt className="text-xs text-slate-500">{t("release")}</dt>
                <dd>{homework.gradesReleasedAt ? t("releasedAt", { time: format.dateTime(homework.gradesReleasedAt, DATE_TIME) }) : t("hidden")}</dd>
              </div>
            </dl>
            <div className="mt-4 border-t border-slate-100 pt-3">
              <HomeworkActions
                homeworkId={homework.id}
                published={published}
                released={homework.gradesReleasedAt !== null}
                canManage={overview.canManage}
                canGrade={overview.canGrade}
                hasSubmissions={counts.submitted > 0}
              />
            </div>
          </Card>
          {!editor && (
            <Card title={t("instructions")}>
              {homework.instructions.trim() ? <Markdown source={homework.instructions} className="text-sm" /> : <p className="text-sm text-slate-500">{t("noInstructions")}</p>}
            </Card>
          )}
        </div>
      </div>
      {editor && (
        <details className="mt-6" open={!published} data-testid="homework-settings">
          <summary className="cursor-pointer text-base font-semibold">{t("settings")}</summary>
          <div className="mt-3 max-w-3xl">
            <HomeworkForm
              courseId={courseId}
              homeworkId={homework.id}
              values={editor.values}
              lessons={editor.lessons}
              assessmentItems={editor.assessmentItems}
              serverMaxFileMb={editor.limits.serverMaxFileMb}
              gradingStarted={editor.gradingStarted}
              cancelHref={teacherCoursePath(courseId, "homework")}
            />
          </div>
        </details>
      )}
    </ClientMessages>
  );
}
