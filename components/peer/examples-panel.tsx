"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextArea } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { deleteExampleAction, saveExampleAction, saveReferenceAction } from "@/lib/peer/actions";
import { PEER_LIMITS } from "@/lib/peer/schemas";
import type { Rubric } from "@/lib/rubric/rubric";
import { ActionButton } from "./action-button";
import { RubricFields } from "./rubric-fields";

export interface ExampleItem {
  id: string;
  text: string;
  reference: { levels: Record<string, string>; comments: Record<string, string>; submittedAt: Date | null } | null;
  calibrations: number;
}

function ExampleText({ activityId, example }: { activityId: string; example?: ExampleItem }) {
  const t = useTranslations("peer.examples");
  const { state, formAction, pending, onSubmit, fieldErrors } = useFormAction(saveExampleAction, { resetOnSuccess: !example });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-2" data-testid={example ? "example-text-form" : "example-add-form"}>
      <input type="hidden" name="activityId" value={activityId} />
      {example && <input type="hidden" name="exampleId" value={example.id} />}
      <TextArea
        label={example ? t("text") : t("newText")}
        name="text"
        data-testid={example ? "example-text" : "example-add-text"}
        rows={example ? 5 : 4}
        maxLength={PEER_LIMITS.text}
        defaultValue={example?.text ?? ""}
        errors={fieldErrors?.text}
      />
      <FormAlert state={state} success={t("saved")} />
      <Button type="submit" variant={example ? "secondary" : "primary"} disabled={pending} data-testid={example ? "example-save" : "example-add"}>
        {example ? t("save") : `+ ${t("add")}`}
      </Button>
    </form>
  );
}

function ReferenceForm({ example, rubric }: { example: ExampleItem; rubric: Rubric }) {
  const t = useTranslations("peer.examples");
  const { state, formAction, pending, onSubmit } = useFormAction(saveReferenceAction);
  const missing = state && !state.ok && Array.isArray(state.details?.missing) ? (state.details.missing as string[]) : [];
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3" data-testid="reference-form">
      <input type="hidden" name="exampleId" value={example.id} />
      <RubricFields rubric={rubric} initial={example.reference} missing={missing} />
      <FormAlert state={state} success={t("referenceSaved")} />
      <Button type="submit" disabled={pending} data-testid="reference-save">
        {t("saveReference")}
      </Button>
    </form>
  );
}

/**
 * The calibration examples: up to three texts the teacher writes or pastes, each with the teacher's reference
 * assessment against the rubric (students compare their attempt with it).
 */
export function ExamplesPanel({ activityId, examples, rubric, editable }: { activityId: string; examples: ExampleItem[]; rubric: Rubric; editable: boolean }) {
  const t = useTranslations("peer.examples");
  return (
    <Card title={t("title")}>
      <p className="mb-3 text-sm text-slate-600">{t("hint")}</p>
      <ol className="space-y-4">
        {examples.map((example, i) => (
          <li key={example.id} data-testid="example" className="space-y-3 rounded-lg border border-slate-200 p-3">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="font-medium">{t("example", { n: i + 1 })}</h3>
              <span data-testid="reference-status" data-done={!!example.reference?.submittedAt} className={`text-xs ${example.reference?.submittedAt ? "text-emerald-700" : "text-amber-700"}`}>
                {example.reference?.submittedAt ? t("hasReference") : t("noReference")}
              </span>
              <span className="text-xs text-slate-500">{t("calibrations", { count: example.calibrations })}</span>
              {editable && example.calibrations === 0 && (
                <ActionButton action={deleteExampleAction} fields={{ exampleId: example.id }} variant="ghost" testId="example-delete" label={t("delete")} confirm={t("confirmDelete", { n: i + 1 })} className="ml-auto" />
              )}
            </div>
            {editable ? <ExampleText activityId={activityId} example={example} /> : <p className="whitespace-pre-wrap text-sm">{example.text}</p>}
            {editable && (
              <details open={!example.reference?.submittedAt} className="rounded-lg bg-slate-50 p-3">
                <summary className="cursor-pointer text-sm font-medium">{t("reference")}</summary>
                <div className="mt-3">
                  <ReferenceForm example={example} rubric={rubric} />
                </div>
              </details>
            )}
          </li>
        ))}
      </ol>
      {editable && examples.length < PEER_LIMITS.examples && (
        <div className="mt-4 border-t border-slate-100 pt-4">
          <ExampleText activityId={activityId} />
        </div>
      )}
      {examples.length === 0 && !editable && <p className="text-sm text-slate-500">{t("none")}</p>}
    </Card>
  );
}
