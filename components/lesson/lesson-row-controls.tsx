"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { deleteLessonAction, moveLessonAction } from "@/lib/lesson/actions";

const iconButton =
  "grid h-10 w-10 place-items-center rounded-lg border border-slate-300 bg-white text-slate-700 hover:bg-slate-50 disabled:text-slate-300";

const deleteButton = "inline-flex min-h-10 items-center rounded-lg px-4 py-2 text-sm font-medium text-red-600 hover:bg-red-50";

/** Reorder, edit and delete (after an inline confirmation) one lesson of the list. */
export function LessonRowControls({ courseId, lessonId, title, isFirst, isLast, editHref }: {
  courseId: string;
  lessonId: string;
  title: string;
  isFirst: boolean;
  isLast: boolean;
  editHref: string;
}) {
  const t = useTranslations("lesson.list");
  const tc = useTranslations("common");
  const [moveState, moveAction, moving] = useActionState(moveLessonAction, null);
  const [deleteState, deleteAction, deleting] = useActionState(deleteLessonAction, null);
  const [confirming, setConfirming] = useState(false);
  const ids = (
    <>
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="lessonId" value={lessonId} />
    </>
  );
  const failure = [moveState, deleteState].find((state) => state && !state.ok) ?? null;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <form action={moveAction} className="flex gap-1">
          {ids}
          <button type="submit" name="direction" value="up" className={iconButton} disabled={isFirst || moving} aria-label={t("moveUp", { title })}>
            ↑
          </button>
          <button type="submit" name="direction" value="down" className={iconButton} disabled={isLast || moving} aria-label={t("moveDown", { title })}>
            ↓
          </button>
        </form>
        <Link href={editHref} className={buttonClass("secondary")}>
          {t("edit")}
        </Link>
        {!confirming && (
          <button type="button" className={deleteButton} onClick={() => setConfirming(true)}>
            {t("delete")}
          </button>
        )}
      </div>
      {confirming && (
        <form action={deleteAction} role="alertdialog" aria-label={t("delete")} className="space-y-2 rounded-lg bg-red-50 p-3">
          {ids}
          <p className="text-sm text-red-800">{t("confirmDelete", { title })}</p>
          <div className="flex gap-2">
            <Button type="submit" variant="danger" disabled={deleting}>
              {t("confirmDeleteButton")}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={deleting}>
              {tc("cancel")}
            </Button>
          </div>
        </form>
      )}
      <FormAlert state={failure} />
    </div>
  );
}
