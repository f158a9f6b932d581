import { notFound, redirect } from "next/navigation";
import { ClientMessages } from "@/components/intl/client-messages";
import { AttemptRunner } from "@/components/quiz/attempt-runner";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { getAttemptForStudent } from "@/lib/quiz/get-attempt-for-student";
import { studentQuizPath } from "@/lib/quiz/paths";

/** Taking the quiz. Reading the attempt applies the deadline first, so a submitted attempt sends the student back. */
export default async function AttemptPage({ params }: { params: Promise<{ quizId: string; attemptId: string }> }) {
  const actor = await requirePortal("student");
  const { quizId, attemptId } = await params;
  const data = await orHttpError(getAttemptForStudent(actor, attemptId));
  if (data.state === "submitted") {
    if (data.quizId !== quizId) notFound();
    redirect(studentQuizPath(quizId));
  }
  if (data.quiz.id !== quizId) notFound();
  return (
    <ClientMessages namespaces={["quiz"]}>
      <AttemptRunner
        quizId={quizId}
        attemptId={attemptId}
        title={data.quiz.title}
        confidenceMarking={data.quiz.confidenceMarking}
        deadlineAt={data.attempt.deadlineAt?.toISOString() ?? null}
        serverNow={data.serverNow.toISOString()}
        questions={data.questions}
      />
    </ClientMessages>
  );
}
