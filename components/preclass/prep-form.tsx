"use client";
import { useTranslations } from "next-intl";
import { type ReactNode, useId, useState } from "react";
import { nextRowKey } from "@/components/course/list-keys";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { savePackageAction } from "@/lib/preclass/actions";
import { DEFAULT_STAGE_TITLES, PRECLASS_LIMITS } from "@/lib/preclass/schemas";
import { type CaseDraft, CaseEditor, type StageRow, casePayloadOf } from "./case-editor";
import { MarkdownEditor } from "@/components/markdown-editor";

export interface PrepFormInitial {
  lessonId: string;
  material: string;
  case: {
    title: string;
    deidentified: boolean;
    stages: { id: string; title: string; content: string; question: string | null; answerCount: number }[];
  } | null;
}

const blankStage = (title = ""): StageRow => ({ key: nextRowKey(), title, content: "", question: "", answerCount: 0 });

/** A lesson without a case starts from the usual four stages; the teacher may switch the case off. */
const draftOf = (initial: PrepFormInitial["case"]): CaseDraft =>
  initial
    ? {
        title: initial.title,
        deidentified: initial.deidentified,
        stages: initial.stages.map((stage) => ({ ...stage, key: nextRowKey(), question: stage.question ?? "" })),
      }
    : { title: "", deidentified: false, stages: DEFAULT_STAGE_TITLES.map((title) => blankStage(title)) };

/**
 * The teacher's pre-class content in one form: preview material, attachments (uploaded on their own, see the slot)
 * and the staged case. One save writes material and case together.
 */
export function PrepForm({ initial, attachments }: { initial: PrepFormInitial; attachments: ReactNode }) {
  const t = useTranslations("preclass");
  const tAll = useTranslations();
  const id = useId();
  const { state, formAction, pending, onSubmit, fieldErrors } = useFormAction(savePackageAction);
  const [material, setMaterial] = useState(initial.material);
  const [hasCase, setHasCase] = useState(initial.case !== null);
  const [draft, setDraft] = useState(() => draftOf(initial.case));

  // Stages created by a save get their ids as soon as the result arrives, so that the next save keeps their rows
  // (and the answers given in between). Adjusted during render, React's pattern for state derived from a result.
  const savedIds = state?.ok ? state.data.stageIds : undefined;
  const [appliedIds, setAppliedIds] = useState(savedIds);
  if (savedIds !== appliedIds) {
    setAppliedIds(savedIds);
    if (savedIds && savedIds.length === draft.stages.length) {
      setDraft({ ...draft, stages: draft.stages.map((stage, i) => ({ ...stage, id: savedIds[i] })) });
    }
  }

  const materialError = fieldErrors?.material;
  return (
    <form data-testid="prep-form" action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="lessonId" value={initial.lessonId} />
      <input type="hidden" name="case" value={JSON.stringify(hasCase ? casePayloadOf(draft) : null)} />
      <Card title={t("prep.material")}>
        <p id={`${id}-material-hint`} className="mb-2 text-xs text-slate-500">
          {t("prep.materialHint")}
        </p>
        <MarkdownEditor
          a11y={{
            "aria-label": t("prep.material"),
            "aria-invalid": !!materialError,
            "aria-describedby": `${id}-material-hint`,
          }}
          testId="prep-material"
          name="material"
          value={material}
          onChange={setMaterial}
          rows={14}
          maxLength={PRECLASS_LIMITS.material}
        />
        {materialError && <p className="mt-1 text-sm text-red-600">{materialError.map((key) => tAll(key as never)).join(" ")}</p>}
      </Card>
      {attachments}
      <Card title={t("case.title")}>
        <p className="mb-3 text-xs text-slate-500">{t("case.hint")}</p>
        <label className="mb-3 flex min-h-10 items-center gap-3 text-sm font-medium">
          <input
            type="checkbox"
            data-testid="case-include"
            className="h-5 w-5 accent-brand-600"
            checked={hasCase}
            onChange={(event) => setHasCase(event.target.checked)}
          />
          {t("case.include")}
        </label>
        {hasCase ? (
          <CaseEditor draft={draft} onChange={setDraft} newStage={() => blankStage()} errors={fieldErrors} />
        ) : (
          initial.case && <p className="text-sm text-amber-700">{t("case.removeWarning")}</p>
        )}
      </Card>
      <div className="sticky bottom-0 z-10 -mx-4 space-y-2 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:px-0">
        <FormAlert state={state} success={t("prep.saved")} />
        <Button type="submit" data-testid="prep-save" disabled={pending} className="w-full sm:w-auto">
          {t("prep.save")}
        </Button>
      </div>
    </form>
  );
}
