import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/course/section-header";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { teacherCoursePath } from "@/lib/course/paths";
import { teacherHomeworkPath } from "@/lib/homework/paths";
import { listCourseHomework } from "@/lib/homework/teacher-queries";
import { orHttpError } from "@/lib/page-errors";

const DATE_TIME = { year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("homework.list"))("title") };
}

/** The course's homework (grades.view) with hand-in and grading progress; teachers create new ones here. */
export default async function CourseHomeworkPage({ params }: { params: Promise<{ courseId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId } = await params;
  const [list, t, format] = await Promise.all([orHttpError(listCourseHomework(actor, courseId)), getTranslations("homework.list"), getFormatter()]);
  const now = new Date();
  return (
    <>
      <SectionHeader
        title={t("title")}
        actions={
          list.canManage && (
            <Link href={`${teacherCoursePath(courseId, "homework")}/new`} className={buttonClass()} data-testid="homework-new">
              + {t("new")}
            </Link>
          )
        }
      />
      {list.homework.length === 0 ? (
        <Card>
          <p className="py-4 text-center text-sm text-slate-500">{t("empty")}</p>
        </Card>
      ) : (
        <ul className="space-y-2" data-testid="homework-list">
          {list.homework.map((homework) => (
            <li key={homework.id}>
              <Link
                href={teacherHomeworkPath(courseId, homework.id)}
                data-testid="homework-item"
                className="block rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-300"
              >
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{homework.title}</span>
                  {homework.status === "DRAFT" ? <Badge>{t("draft")}</Badge> : homework.dueAt < now ? <Badge tone="slate">{t("pastDue")}</Badge> : <Badge tone="blue">{t("open")}</Badge>}
                  {homework.gradesReleasedAt && <Badge tone="green">{t("released")}</Badge>}
                </div>
                <p className="mt-1 text-sm text-slate-600">
                  {t("due", { time: format.dateTime(homework.dueAt, DATE_TIME) })}
                  {homework.lesson && ` · ${homework.lesson.title}`}
                </p>
                {homework.status === "PUBLISHED" && (
                  <p className="mt-1 text-xs text-slate-500">{t("progress", { submitted: homework.submitted, graded: homework.graded, students: list.students })}</p>
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
