"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { grantExtensionAction, removeExtensionAction } from "@/lib/homework/actions";

/** A student's extension: a later due time (datetime-local, Beijing time), or taking it back. */
export function ExtensionForm({ homeworkId, userId, studentName, current, suggested }: {
  homeworkId: string;
  userId: string;
  studentName: string;
  /** datetime-local of the current extension, or null. */
  current: string | null;
  /** Where the picker starts when there is no extension yet. */
  suggested: string;
}) {
  const t = useTranslations("homework.extension");
  const [open, setOpen] = useState(false);
  const [grantState, grant, granting] = useActionState(grantExtensionAction, null);
  const [removeState, remove, removing] = useActionState(removeExtensionAction, null);
  if (!open) {
    return (
      <Button variant="ghost" className="min-h-8 px-2 py-1" data-testid="extension-open" onClick={() => setOpen(true)}>
        {current ? t("change") : t("grant")}
      </Button>
    );
  }
  return (
    <div className="space-y-2">
      <form action={grant} className="flex flex-wrap items-center gap-2" data-testid="extension-form">
        <input type="hidden" name="homeworkId" value={homeworkId} />
        <input type="hidden" name="userId" value={userId} />
        <input
          type="datetime-local"
          name="dueAt"
          aria-label={t("dueAtFor", { name: studentName })}
          defaultValue={current ?? suggested}
          className={`${inputClass} w-auto`}
          data-testid="extension-due"
        />
        <Button type="submit" className="min-h-9 px-3 py-1" disabled={granting} data-testid="extension-save">
          {t("save")}
        </Button>
      </form>
      {current && (
        <form action={remove}>
          <input type="hidden" name="homeworkId" value={homeworkId} />
          <input type="hidden" name="userId" value={userId} />
          <Button type="submit" variant="ghost" className="min-h-8 px-2 py-1 text-red-600" disabled={removing}>
            {t("remove")}
          </Button>
        </form>
      )}
      <FormAlert state={grantState} success={t("saved")} />
      <FormAlert state={removeState} success={t("removed")} />
    </div>
  );
}
