import { getTranslations } from "next-intl/server";
import type { FeedbackSummary } from "@/lib/feedback/get-feedback-summary";

/** The students' answers to the case's stage questions, stage by stage; folded so the page stays short. */
export async function CaseStageAnswers({ stages }: { stages: FeedbackSummary["stages"] }) {
  const t = await getTranslations("plan.feedback");
  if (stages.length === 0) return <p className="text-sm text-slate-500">{t("stagesEmpty")}</p>;
  return (
    <div className="space-y-2" data-testid="case-stage-answers">
      {stages.map((stage) => (
        <details key={stage.id} className="rounded-lg border border-slate-200" data-testid="case-stage">
          <summary className="cursor-pointer list-none px-3 py-2">
            <span className="font-medium">{t("stageTitle", { n: stage.position + 1, title: stage.title })}</span>{" "}
            <span className="text-sm text-slate-500">· {t("answerCount", { count: stage.answers.length })}</span>
            {stage.question && <span className="mt-0.5 block whitespace-pre-wrap text-sm text-slate-600">{stage.question}</span>}
          </summary>
          {stage.answers.length === 0 ? (
            <p className="border-t border-slate-100 px-3 py-2 text-sm text-slate-500">{t("noAnswers")}</p>
          ) : (
            <ul className="divide-y divide-slate-100 border-t border-slate-100">
              {stage.answers.map((answer) => (
                <li key={answer.id} className="px-3 py-2 text-sm">
                  <span className="font-medium">{answer.studentName}</span>
                  <span className="ml-1 text-slate-500 tabular-nums">{answer.studentNo}</span>
                  <p className="mt-0.5 whitespace-pre-wrap break-words">{answer.answer}</p>
                </li>
              ))}
            </ul>
          )}
        </details>
      ))}
    </div>
  );
}
