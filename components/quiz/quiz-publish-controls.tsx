"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { deleteQuizAction, publishQuizAction, unpublishQuizAction } from "@/lib/quiz/actions";

/** Publish (pushes "课后测验" to the students), back to draft while nobody has attempted, or delete a draft. */
export function QuizPublishControls({ quizId, published, attemptCount }: { quizId: string; published: boolean; attemptCount: number }) {
  const t = useTranslations("quiz.publish");
  const [publishState, publish, publishing] = useActionState(publishQuizAction, null);
  const [unpublishState, unpublish, unpublishing] = useActionState(unpublishQuizAction, null);
  const [deleteState, remove, deleting] = useActionState(deleteQuizAction, null);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {published ? (
          <form action={unpublish}>
            <input type="hidden" name="quizId" value={quizId} />
            <Button type="submit" variant="secondary" disabled={unpublishing || attemptCount > 0} data-testid="quiz-unpublish">
              {t("unpublish")}
            </Button>
          </form>
        ) : (
          <>
            <form action={publish}>
              <input type="hidden" name="quizId" value={quizId} />
              <Button type="submit" disabled={publishing} data-testid="quiz-publish">
                {t("publish")}
              </Button>
            </form>
            <form
              action={remove}
              onSubmit={(event) => {
                if (!window.confirm(t("confirmDelete"))) event.preventDefault();
              }}
            >
              <input type="hidden" name="quizId" value={quizId} />
              <Button type="submit" variant="ghost" className="text-red-700" disabled={deleting} data-testid="quiz-delete">
                {t("delete")}
              </Button>
            </form>
          </>
        )}
      </div>
      {published && attemptCount > 0 && <p className="text-xs text-slate-500">{t("cannotUnpublish")}</p>}
      {!published && <p className="text-xs text-slate-500">{t("publishHint")}</p>}
      <FormAlert state={publishState} success={t("published")} />
      <FormAlert state={unpublishState} success={t("unpublished")} />
      <FormAlert state={deleteState} />
    </div>
  );
}
