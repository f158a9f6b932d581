import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/course/section-header";
import { ClientMessages } from "@/components/intl/client-messages";
import { QuizItemsEditor } from "@/components/quiz/quiz-items-editor";
import { QuizPublishControls } from "@/components/quiz/quiz-publish-controls";
import { QuizSettingsForm } from "@/components/quiz/quiz-settings-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { getQuizForEditor } from "@/lib/quiz/get-quiz-for-editor";
import { teacherQuizPath, teacherQuizzesPath } from "@/lib/quiz/paths";

/** Editing a quiz: publication, its questions and draws, its settings. */
export default async function EditQuizPage({ params }: { params: Promise<{ courseId: string; quizId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId, quizId } = await params;
  const [data, t] = await Promise.all([orHttpError(getQuizForEditor(actor, quizId)), getTranslations("quiz.list")]);
  if (data.quiz.courseId !== courseId) notFound();
  const published = data.quiz.status === "PUBLISHED";
  return (
    <div className="max-w-4xl space-y-4">
      <Link href={teacherQuizzesPath(courseId)} className="text-sm text-brand-700">
        ← {t("title")}
      </Link>
      <SectionHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {data.quiz.title}
            <Badge tone={published ? "green" : "slate"}>{t(`status.${data.quiz.status}`)}</Badge>
          </span>
        }
        actions={
          <>
            <Link href={teacherQuizPath(courseId, quizId, "results")} className="text-sm text-brand-700 hover:underline">
              {t("results")}
            </Link>
            <Link href={teacherQuizPath(courseId, quizId, "marking")} className="text-sm text-brand-700 hover:underline">
              {t("marking")}
            </Link>
          </>
        }
      />
      <ClientMessages namespaces={["quiz"]}>
        <Card>
          <QuizPublishControls quizId={quizId} published={published} attemptCount={data.attemptCount} />
        </Card>
        <QuizItemsEditor
          courseId={courseId}
          quizId={quizId}
          initialItems={data.items}
          initialDraws={data.draws}
          tags={data.options.tags}
          locked={published}
        />
        <QuizSettingsForm courseId={courseId} quizId={quizId} values={data.values} options={data.options} hasAttempts={data.attemptCount > 0} />
      </ClientMessages>
    </div>
  );
}
