import type { ReactNode } from "react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { Markdown } from "@/components/markdown";
import { DATE_TIME, QuizWindowText } from "@/components/quiz/quiz-window-text";
import { StartAttemptButton } from "@/components/quiz/start-attempt-button";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { studentCoursePath } from "@/lib/course/paths";
import { orHttpError } from "@/lib/page-errors";
import { getQuizForStudent } from "@/lib/quiz/get-quiz-for-student";
import { studentAttemptPath, studentReviewPath } from "@/lib/quiz/paths";

/** A quiz on the phone (opened from the "课后测验" message): what it is, start or continue, past attempts and scores. */
export default async function StudentQuizPage({ params }: { params: Promise<{ quizId: string }> }) {
  const actor = await requirePortal("student");
  const { quizId } = await params;
  const [data, t, format] = await Promise.all([orHttpError(getQuizForStudent(actor, quizId)), getTranslations("quiz.student"), getFormatter()]);
  const { quiz } = data;
  const facts: [string, ReactNode][] = [
    [t("window"), <QuizWindowText key="w" opensAt={quiz.opensAt} closesAt={quiz.closesAt} />],
    [t("questions"), t("questionCount", { count: quiz.questionCount })],
    [t("timeLimit"), quiz.timeLimitMinutes ? t("minutes", { count: quiz.timeLimitMinutes }) : t("noTimeLimit")],
    [t("attempts"), t("attemptsLeft", { left: data.attemptsLeft, allowed: quiz.attemptsAllowed })],
    ...(quiz.attemptsAllowed > 1 ? [[t("scoring"), t(`scoringRule.${quiz.scoring}`)] as [string, string]] : []),
    [t("review"), t(`reviewPolicy.${quiz.review}`)],
  ];
  return (
    <div className="space-y-4">
      <Link href={studentCoursePath(quiz.courseId, "coursework")} className="inline-block text-sm text-brand-700">
        ← {quiz.courseTitle}
      </Link>
      <div>
        <h1 className="text-xl font-semibold" data-testid="quiz-title">
          {quiz.title}
        </h1>
        <p className="mt-1">
          <Badge tone={data.window === "open" ? "green" : data.window === "not_open" ? "blue" : "slate"}>{t(`state.${data.window}`)}</Badge>
        </p>
      </div>
      {quiz.description.trim() && (
        <Card>
          <Markdown source={quiz.description} className="text-sm" />
        </Card>
      )}
      <Card>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 text-sm" data-testid="quiz-facts">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {quiz.confidenceMarking && <p className="mt-3 rounded-lg bg-sky-50 px-3 py-2 text-xs text-sky-900">{t("cbm")}</p>}
      </Card>

      {data.inProgressAttemptId ? (
        <Link href={studentAttemptPath(quiz.id, data.inProgressAttemptId)} className={buttonClass("primary", "min-h-12 w-full text-base")} data-testid="quiz-continue">
          {t("continue")}
        </Link>
      ) : data.canStart ? (
        <ClientMessages namespaces={["quiz"]}>
          <StartAttemptButton quizId={quiz.id} timeLimitMinutes={quiz.timeLimitMinutes} label={data.attempts.length ? t("startAgain") : t("start")} />
        </ClientMessages>
      ) : (
        <p className="rounded-lg bg-slate-100 px-3 py-3 text-center text-sm text-slate-700" data-testid="quiz-cannot-start">
          {data.window === "not_open"
            ? t("opensLater", { time: format.dateTime(quiz.opensAt!, DATE_TIME) })
            : data.window === "closed"
              ? t("closedNow")
              : t("noAttemptsLeft")}
        </p>
      )}

      {data.result && (
        <Card title={t("result")}>
          <p className="text-2xl font-semibold tabular-nums" data-testid="quiz-result">
            {data.result.score === null ? t("marking") : `${data.result.score} / ${data.result.maxScore}`}
          </p>
          {data.result.percent !== null && (
            <p className="text-sm text-slate-600">
              {data.result.percent}% · {data.result.percent >= quiz.passPercent ? t("passed") : t("notPassed", { pass: quiz.passPercent })}
            </p>
          )}
          {data.result.pending && data.result.score !== null && <p className="text-xs text-slate-500">{t("pending")}</p>}
        </Card>
      )}

      {data.attempts.length > 0 && (
        <Card title={t("pastAttempts")}>
          <ul className="divide-y divide-slate-100" data-testid="quiz-attempts">
            {data.attempts.map((attempt) => (
              <li key={attempt.id} className="flex items-center justify-between gap-2 py-2 text-sm" data-testid="quiz-attempt">
                <div>
                  <p className="font-medium">{t("attemptNumber", { number: attempt.number })}</p>
                  <p className="text-xs text-slate-500">
                    {attempt.submittedAt ? format.dateTime(attempt.submittedAt, DATE_TIME) : t("inProgress")}
                    {attempt.autoSubmitted && ` · ${t("autoSubmitted")}`}
                  </p>
                </div>
                <div className="text-right">
                  <p className="tabular-nums" data-testid="quiz-attempt-score">
                    {attempt.status === "IN_PROGRESS" ? "—" : attempt.score === null ? t("marking") : `${attempt.score} / ${attempt.maxScore}`}
                  </p>
                  {attempt.reviewable ? (
                    <Link href={studentReviewPath(quiz.id, attempt.id)} className="text-xs text-brand-700 underline" data-testid="quiz-review-link">
                      {t("reviewLink")}
                    </Link>
                  ) : (
                    attempt.status === "SUBMITTED" && quiz.review !== "NEVER" && <p className="text-xs text-slate-500">{t(`reviewLater.${quiz.review}`)}</p>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
