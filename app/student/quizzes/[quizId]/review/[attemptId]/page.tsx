import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { DATE_TIME } from "@/components/quiz/quiz-window-text";
import { ReviewQuestion } from "@/components/quiz/review-question";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { getAttemptReview } from "@/lib/quiz/get-attempt-review";
import { studentAttemptPath, studentQuizPath } from "@/lib/quiz/paths";

/** A submitted attempt: the score always; answers, keys and explanations only when the quiz's review policy allows. */
export default async function ReviewPage({ params }: { params: Promise<{ quizId: string; attemptId: string }> }) {
  const actor = await requirePortal("student");
  const { quizId, attemptId } = await params;
  const [review, t, format] = await Promise.all([orHttpError(getAttemptReview(actor, attemptId)), getTranslations("quiz.review"), getFormatter()]);
  if (review.state === "in_progress") {
    if (review.quizId !== quizId) notFound();
    redirect(studentAttemptPath(quizId, attemptId));
  }
  if (review.quiz.id !== quizId) notFound();
  const { attempt } = review;
  return (
    <div className="space-y-4">
      <Link href={studentQuizPath(quizId)} className="inline-block text-sm text-brand-700">
        ← {review.quiz.title}
      </Link>
      <Card>
        <p className="text-sm text-slate-600">{t("attempt", { number: attempt.number })}</p>
        <p className="text-2xl font-semibold tabular-nums" data-testid="review-score">
          {attempt.score === null ? t("marking") : `${attempt.score} / ${attempt.maxScore}`}
        </p>
        {attempt.submittedAt && (
          <p className="text-xs text-slate-500">
            {t("submittedAt", { time: format.dateTime(attempt.submittedAt, DATE_TIME) })}
            {attempt.autoSubmitted && ` · ${t("autoSubmitted")}`}
          </p>
        )}
      </Card>
      {review.state === "not_available" ? (
        <p className="rounded-lg bg-slate-100 px-3 py-3 text-center text-sm text-slate-700" data-testid="review-not-available">
          {review.quiz.review === "AFTER_CLOSE" && review.quiz.closesAt
            ? t("afterClose", { time: format.dateTime(review.quiz.closesAt, DATE_TIME) })
            : t("never")}
        </p>
      ) : (
        <ol className="space-y-4" data-testid="review-questions">
          {review.questions.map((question, index) => (
            <ReviewQuestion key={question.questionId} question={question} number={index + 1} confidenceMarking={review.quiz.confidenceMarking} />
          ))}
        </ol>
      )}
    </div>
  );
}
