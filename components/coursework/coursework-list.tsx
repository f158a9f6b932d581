import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { StudentCoursework } from "@/lib/coursework/student-coursework";
import { studentEvaluationPath } from "@/lib/evaluation/paths";

/** Peer-review states with nothing left for the student to do. */
const PEER_DONE = ["wait_assessment", "wait_grades", "results", "closed"];

const WHEN = { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

function Row({ href, title, meta, badge, testId }: { href: string; title: string; meta: ReactNode; badge: ReactNode; testId: string }) {
  return (
    <li>
      <Link href={href} data-testid={testId} className="flex items-start justify-between gap-3 py-3 hover:bg-slate-50">
        <span className="min-w-0">
          <span className="block truncate font-medium text-slate-900">{title}</span>
          <span className="block text-xs text-slate-500">{meta}</span>
        </span>
        <span className="shrink-0">{badge}</span>
      </Link>
    </li>
  );
}

/** A student's quizzes, homework and evaluations with where they stand on each; empty sections are left out. */
export async function CourseworkList({ coursework, emptyText }: { coursework: StudentCoursework; emptyText: string }) {
  const [t, format] = await Promise.all([getTranslations("coursework"), getFormatter()]);
  const when = (date: Date | null) => (date ? format.dateTime(date, WHEN) : "—");
  const { quizzes, homework, peerReviews, evaluations } = coursework;
  if (!quizzes.length && !homework.length && !peerReviews.length && !evaluations.length) return <p className="text-sm text-slate-500">{emptyText}</p>;
  return (
    <div className="space-y-4">
      {quizzes.length > 0 && (
        <Card title={t("quizzes")}>
          <ul className="divide-y divide-slate-100">
            {quizzes.map((quiz) => (
              <Row
                key={quiz.id}
                href={quiz.href}
                testId="coursework-quiz"
                title={quiz.title}
                meta={quiz.closesAt ? t("closes", { when: when(quiz.closesAt) }) : t("noClose")}
                badge={
                  quiz.status === "submitted" ? (
                    <Badge tone="green">{quiz.result?.percent != null ? t("percent", { percent: quiz.result.percent }) : t("quiz.submitted")}</Badge>
                  ) : quiz.window !== "open" ? (
                    <Badge>{t(`quiz.${quiz.window}`)}</Badge>
                  ) : (
                    <Badge tone={quiz.status === "in_progress" ? "amber" : "blue"}>{t(`quiz.${quiz.status}`)}</Badge>
                  )
                }
              />
            ))}
          </ul>
        </Card>
      )}
      {homework.length > 0 && (
        <Card title={t("homeworkTitle")}>
          <ul className="divide-y divide-slate-100">
            {homework.map((item) => (
              <Row
                key={item.id}
                href={`/student/homework/${item.id}`}
                testId="coursework-homework"
                title={item.title}
                meta={t(item.extended ? "dueExtended" : "due", { when: when(item.dueAt) })}
                badge={
                  item.status === "graded" && item.score != null ? (
                    <Badge tone="green">{t("points", { score: item.score, points: item.points })}</Badge>
                  ) : (
                    <Badge tone={item.status === "not_submitted" ? "blue" : item.status === "late" ? "amber" : "green"}>{t(`homework.${item.status}`)}</Badge>
                  )
                }
              />
            ))}
          </ul>
        </Card>
      )}
      {peerReviews.length > 0 && (
        <Card title={t("peerReviews")}>
          <ul className="divide-y divide-slate-100">
            {peerReviews.map((activity) => (
              <Row
                key={activity.id}
                href={activity.href}
                testId="coursework-peer-review"
                title={activity.title}
                meta={activity.deadline ? t("closes", { when: when(activity.deadline) }) : t("noClose")}
                badge={<Badge tone={PEER_DONE.includes(activity.todo) ? "green" : "blue"}>{t(`peer.${activity.todo}`)}</Badge>}
              />
            ))}
          </ul>
        </Card>
      )}
      {evaluations.length > 0 && (
        <Card title={t("evaluations")}>
          <ul className="divide-y divide-slate-100">
            {evaluations.map((evaluation) => (
              <Row
                key={evaluation.id}
                href={studentEvaluationPath(evaluation.id)}
                testId="coursework-evaluation"
                title={evaluation.title}
                meta={t("closes", { when: when(evaluation.closesAt) })}
                badge={<Badge tone={evaluation.answered ? "green" : "blue"}>{t(evaluation.answered ? "evaluation.answered" : "evaluation.open")}</Badge>}
              />
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
