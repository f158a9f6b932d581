"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { deleteHomeworkAction, publishHomeworkAction, releaseGradesAction } from "@/lib/homework/actions";

/** Publish (teacher), release or withdraw grades (graders), delete an unused homework (teacher). */
export function HomeworkActions({ homeworkId, published, released, canManage, canGrade, hasSubmissions }: {
  homeworkId: string;
  published: boolean;
  released: boolean;
  canManage: boolean;
  canGrade: boolean;
  hasSubmissions: boolean;
}) {
  const t = useTranslations("homework.actions");
  const [publishState, publish, publishing] = useActionState(publishHomeworkAction, null);
  const [releaseState, release, releasing] = useActionState(releaseGradesAction, null);
  const [deleteState, remove, deleting] = useActionState(deleteHomeworkAction, null);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {canManage && !published && (
          <form action={publish}>
            <input type="hidden" name="homeworkId" value={homeworkId} />
            <Button type="submit" data-testid="homework-publish" disabled={publishing}>
              {t("publish")}
            </Button>
          </form>
        )}
        {canGrade && published && (
          <form action={release}>
            <input type="hidden" name="homeworkId" value={homeworkId} />
            <input type="hidden" name="released" value={released ? "false" : "true"} />
            <Button type="submit" variant={released ? "secondary" : "primary"} data-testid="homework-release" disabled={releasing}>
              {released ? t("withdraw") : t("release")}
            </Button>
          </form>
        )}
        {canManage && !hasSubmissions && (
          <form
            action={remove}
            onSubmit={(event) => {
              if (!window.confirm(t("confirmDelete"))) event.preventDefault();
            }}
          >
            <input type="hidden" name="homeworkId" value={homeworkId} />
            <Button type="submit" variant="ghost" data-testid="homework-delete" disabled={deleting} className="text-red-600">
              {t("delete")}
            </Button>
          </form>
        )}
      </div>
      <FormAlert state={publishState} success={t("published")} />
      <FormAlert state={releaseState} success={released ? t("releasedNow") : t("withdrawnNow")} />
      {deleteState && !deleteState.ok && <FormAlert state={deleteState} />}
    </div>
  );
}
