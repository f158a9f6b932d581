"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Markdown } from "@/components/markdown";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";
import { answerReviewAction } from "@/lib/mistakes/actions";
import { answerPracticeAction } from "@/lib/practice/actions";
import type { PracticeQuestionView } from "@/lib/practice/question-view";
import type { PracticeFeedback } from "@/lib/practice/save-practice-answer";
import { AnswerFeedback } from "./answer-feedback";
import { AnswerInputs, type Draft, emptyDraft, isDraftEmpty, responseOf } from "./answer-inputs";

export type RunnerTarget = { kind: "practice"; courseId: string } | { kind: "review"; itemId: string };

/**
 * One question at a time: answer, see the verdict with the right answer and the explanation (only the server's
 * reply carries them), then ask the page for the next one — the server picks it.
 */
export function QuestionRunner({ question, target }: { question: PracticeQuestionView; target: RunnerTarget }) {
  const t = useTranslations("practice.question");
  const tAll = useTranslations();
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(question));
  const [result, setResult] = useState<ActionResult<PracticeFeedback> | null>(null);
  const [submitting, startSubmit] = useTransition();
  const [loadingNext, startNext] = useTransition();
  const feedback = result?.ok ? result.data : null;

  function submit() {
    const response = responseOf(question, draft);
    startSubmit(async () => {
      setResult(
        target.kind === "practice"
          ? await answerPracticeAction({ courseId: target.courseId, questionId: question.id, response })
          : await answerReviewAction({ itemId: target.itemId, response }),
      );
    });
  }

  function next() {
    // Reset too: with a one-question bank the same question comes back and this component is not remounted.
    startNext(() => {
      setDraft(emptyDraft(question));
      setResult(null);
      router.refresh();
    });
  }

  return (
    <article data-testid="practice-question" data-question-id={question.id} data-type={question.type} className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      {question.vignette && (
        <div className="rounded-lg bg-slate-50 px-3 py-2">
          <p className="mb-1 text-xs font-semibold text-slate-500">{t("vignette")}</p>
          <Markdown source={question.vignette} className="text-sm" />
        </div>
      )}
      <div className="flex flex-wrap items-center gap-1.5">
        <Badge tone="blue">{t(`type.${question.type}`)}</Badge>
        {question.tags.map((tag) => (
          <Badge key={tag}>{tag}</Badge>
        ))}
      </div>
      <Markdown source={question.stem} className="text-base" />
      <AnswerInputs question={question} draft={draft} onChange={setDraft} answer={feedback?.answer} locked={!!feedback || submitting} />
      {result && !result.ok && (
        <p role="alert" data-testid="practice-error" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {tAll(`errors.${result.code}` as never)}
        </p>
      )}
      {feedback ? (
        <>
          <AnswerFeedback question={question} feedback={feedback} />
          <Button data-testid="practice-next" onClick={next} disabled={loadingNext} className="min-h-11 w-full">
            {loadingNext ? t("loadingNext") : t("next")}
          </Button>
        </>
      ) : (
        <Button data-testid="practice-submit" onClick={submit} disabled={submitting || isDraftEmpty(question, draft)} className="min-h-11 w-full">
          {submitting ? t("submitting") : t("submit")}
        </Button>
      )}
    </article>
  );
}
