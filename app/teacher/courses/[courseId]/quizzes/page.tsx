import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/course/section-header";
import { QuizWindowText } from "@/components/quiz/quiz-window-text";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { listQuizzes } from "@/lib/quiz/list-quizzes";
import { teacherQuizPath, teacherQuizzesPath } from "@/lib/quiz/paths";

/** The course's quizzes: status, window, how many took part, answers to mark; editing for the teacher. */
export default async function QuizzesPage({ params }: { params: Promise<{ courseId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId } = await params;
  const [data, t] = await Promise.all([orHttpError(listQuizzes(actor, courseId)), getTranslations("quiz.list")]);
  return (
    <>
      <SectionHeader
        title={t("title")}
        actions={
          data.canManage && (
            <Link href={`${teacherQuizzesPath(courseId)}/new`} className={buttonClass()} data-testid="quiz-new">
              + {t("new")}
            </Link>
          )
        }
      />
      {!data.quizzes.length && (
        <Card>
          <p className="py-6 text-center text-sm text-slate-600">{data.canManage ? t("emptyManage") : t("empty")}</p>
        </Card>
      )}
      <ul className="space-y-3" data-testid="quiz-list">
        {data.quizzes.map((quiz) => (
          <li key={quiz.id}>
            <Card className="space-y-2">
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="font-medium">
                  <Link
                    href={data.canManage ? teacherQuizPath(courseId, quiz.id) : teacherQuizPath(courseId, quiz.id, "results")}
                    className="text-brand-700 hover:underline"
                    data-testid="quiz-link"
                  >
                    {quiz.title}
                  </Link>
                </h3>
                <Badge tone={quiz.status === "PUBLISHED" ? "green" : "slate"}>{t(`status.${quiz.status}`)}</Badge>
                {quiz.toMark > 0 && <Badge tone="amber">{t("toMark", { count: quiz.toMark })}</Badge>}
              </div>
              <p className="text-sm text-slate-600">
                <QuizWindowText opensAt={quiz.opensAt} closesAt={quiz.closesAt} />
                {quiz.lessonTitle && <> · {quiz.lessonTitle}</>}
              </p>
              <p className="text-sm text-slate-600">{t("counts", { questions: quiz.questionCount, students: quiz.studentsAttempted, attempts: quiz.attemptCount })}</p>
              <div className="flex flex-wrap gap-3 text-sm">
                {data.canManage && (
                  <Link href={teacherQuizPath(courseId, quiz.id)} className="text-brand-700 hover:underline">
                    {t("edit")}
                  </Link>
                )}
                <Link href={teacherQuizPath(courseId, quiz.id, "results")} className="text-brand-700 hover:underline" data-testid="quiz-results-link">
                  {t("results")}
                </Link>
                {data.canMark && quiz.toMark > 0 && (
                  <Link href={teacherQuizPath(courseId, quiz.id, "marking")} className="text-brand-700 hover:underline" data-testid="quiz-marking-link">
                    {t("marking")}
                  </Link>
                )}
              </div>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
