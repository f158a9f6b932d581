"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { startAttemptAction } from "@/lib/quiz/actions";

/** Starts an attempt (the server opens it); with a time limit the student confirms first, since the clock starts. */
export function StartAttemptButton({ quizId, timeLimitMinutes, label }: { quizId: string; timeLimitMinutes: number | null; label: string }) {
  const t = useTranslations("quiz.student");
  const [state, action, pending] = useActionState(startAttemptAction, null);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (timeLimitMinutes && !window.confirm(t("confirmStart", { minutes: timeLimitMinutes }))) event.preventDefault();
      }}
      className="space-y-2"
    >
      <input type="hidden" name="quizId" value={quizId} />
      <Button type="submit" disabled={pending} className="min-h-12 w-full text-base" data-testid="quiz-start">
        {label}
      </Button>
      <FormAlert state={state} />
    </form>
  );
}
