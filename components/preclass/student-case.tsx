import { getTranslations } from "next-intl/server";
import { Markdown } from "@/components/markdown";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { StudentCase as StudentCaseData } from "@/lib/preclass/get-package-for-student";
import { StageAnswerForm } from "./stage-answer-form";

/**
 * The stages the server revealed, one card each. While the window is open each question can be answered or the
 * answer changed; afterwards the answers are shown read-only.
 */
export async function StudentCase({ clinicalCase, editable }: { clinicalCase: StudentCaseData; editable: boolean }) {
  const t = await getTranslations("preclass.student");
  const hidden = clinicalCase.stageCount - clinicalCase.stages.length;
  return (
    <section aria-labelledby="student-case-title" className="space-y-3">
      <h2 id="student-case-title" className="text-base font-semibold">
        {t("case")} · {clinicalCase.title}
      </h2>
      <ol className="space-y-3">
        {clinicalCase.stages.map((stage, index) => (
          <li key={stage.id} data-testid="case-stage-view">
            <Card>
              <div className="mb-2 flex items-center justify-between gap-2">
                <h3 className="text-sm font-semibold">
                  <span className="mr-2 text-xs font-normal text-slate-500">{t("stage", { n: index + 1, total: clinicalCase.stageCount })}</span>
                  {stage.title}
                </h3>
                {stage.question !== null && (
                  <Badge tone={stage.answer === null ? "amber" : "green"}>{stage.answer === null ? t("notAnswered") : t("answered")}</Badge>
                )}
              </div>
              {stage.content.trim() && <Markdown source={stage.content} className="text-sm" />}
              {stage.question !== null && (
                <div className="mt-3 border-t border-slate-100 pt-3">
                  {editable ? (
                    <StageAnswerForm stageId={stage.id} question={stage.question} answer={stage.answer} />
                  ) : (
                    <div className="space-y-1 text-sm">
                      <p className="font-medium text-slate-800">
                        <span className="mr-1 text-brand-700">{t("question")}</span>
                        {stage.question}
                      </p>
                      <p className="whitespace-pre-wrap rounded-lg bg-slate-50 px-3 py-2 text-slate-700">{stage.answer ?? t("notAnswered")}</p>
                    </div>
                  )}
                </div>
              )}
            </Card>
          </li>
        ))}
      </ol>
      <p data-testid="case-progress" className="text-center text-sm text-slate-500">
        {hidden > 0 ? t("locked", { count: hidden }) : t("complete")}
      </p>
    </section>
  );
}
