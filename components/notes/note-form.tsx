"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { Select, TextArea, TextInput } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { createNoteAction, updateNoteAction } from "@/lib/notes/actions";
import { NOTE_LIMITS, NOTE_VISIBILITIES } from "@/lib/notes/schemas";

type Visibility = (typeof NOTE_VISIBILITIES)[number];

interface NoteFormProps {
  /** The actor's group in the course, for "share with my group"; null when they have none (or are staff). */
  myGroup: { name: string } | null;
  /** A new note about this lesson (and optionally its case), or changes to an existing note. */
  target: { lessonId: string; caseId: string | null } | { note: { id: string; title: string; body: string; visibility: Visibility } };
}

/** Writes a new note or edits one. A new note's form empties after it is saved; a failed save keeps the text. */
export function NoteForm({ myGroup, target }: NoteFormProps) {
  const t = useTranslations("notes");
  const editing = "note" in target ? target.note : null;
  const { state, pending, fieldErrors, formAction, formProps } = useFormAction(editing ? updateNoteAction : createNoteAction, { resetOnSuccess: !editing });
  const [visibility, setVisibility] = useState<Visibility>(editing?.visibility ?? "PRIVATE");
  // A note already shared with a group may stay so (it keeps that group) even if the author has none now.
  const canShareWithGroup = !!myGroup || editing?.visibility === "GROUP";
  const hint =
    visibility !== "GROUP"
      ? t(`visibilityHint.${visibility}`)
      : myGroup
        ? t("visibilityHint.GROUP", { group: myGroup.name })
        : t("visibilityHint.GROUP_none");
  return (
    // A saved new note empties the form; the visibility (and its hint) must go back to private with it.
    <form {...formProps} action={formAction} onReset={() => setVisibility(editing?.visibility ?? "PRIVATE")} className="space-y-3" data-testid="note-form">
      {editing ? (
        <input type="hidden" name="noteId" value={editing.id} />
      ) : (
        <input type="hidden" name="lessonId" value={"lessonId" in target ? target.lessonId : ""} />
      )}
      {!editing && "caseId" in target && target.caseId && (
        <Select label={t("form.about")} name="caseId" defaultValue="">
          <option value="">{t("form.aboutLesson")}</option>
          <option value={target.caseId}>{t("form.aboutCase")}</option>
        </Select>
      )}
      <TextInput
        label={t("form.title")}
        name="title"
        defaultValue={editing?.title}
        required
        maxLength={NOTE_LIMITS.title}
        errors={fieldErrors?.title}
        data-testid="note-title"
      />
      <TextArea
        label={t("form.body")}
        name="body"
        defaultValue={editing?.body}
        rows={editing ? 10 : 6}
        maxLength={NOTE_LIMITS.body}
        hint={t("form.bodyHint")}
        errors={fieldErrors?.body}
        data-testid="note-body"
      />
      <Select
        label={t("form.visibility")}
        name="visibility"
        value={visibility}
        onChange={(event) => setVisibility(event.target.value as Visibility)}
        hint={hint}
        errors={fieldErrors?.visibility}
        data-testid="note-visibility"
      >
        {NOTE_VISIBILITIES.map((value) => (
          <option key={value} value={value} disabled={value === "GROUP" && !canShareWithGroup}>
            {t(`visibility.${value}`)}
          </option>
        ))}
      </Select>
      <FormAlert state={state} success={editing ? t("form.saved") : t("form.created")} />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto" data-testid="note-save">
        {editing ? t("form.save") : t("form.create")}
      </Button>
    </form>
  );
}
