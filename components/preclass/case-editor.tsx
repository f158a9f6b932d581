"use client";
import { useTranslations } from "next-intl";
import { type ReactNode, useId } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";
import { PRECLASS_LIMITS } from "@/lib/preclass/schemas";
import { MarkdownEditor } from "@/components/markdown-editor";

export interface StageRow {
  /** Stable React key; survives reordering. */
  key: number;
  /** Present for saved stages: the server keeps their rows (and the students' answers). */
  id?: string;
  title: string;
  content: string;
  question: string;
  answerCount: number;
}

export interface CaseDraft {
  title: string;
  deidentified: boolean;
  stages: StageRow[];
}

/** What the form posts in its `case` field. */
export const casePayloadOf = (draft: CaseDraft | null) =>
  draft && {
    title: draft.title,
    deidentified: draft.deidentified,
    stages: draft.stages.map(({ id, title, content, question }) => ({ ...(id && { id }), title, content, question })),
  };

const iconButton =
  "grid h-9 w-9 place-items-center rounded-lg border border-slate-300 bg-white hover:bg-slate-50 disabled:text-slate-300";

/** The case with its stages: title, stages (add, remove, reorder; Markdown content, optional question), de-identified. */
export function CaseEditor({ draft, onChange, newStage, errors }: {
  draft: CaseDraft;
  onChange: (draft: CaseDraft) => void;
  newStage: () => StageRow;
  errors?: FieldErrors;
}) {
  const t = useTranslations();
  const tc = useTranslations("preclass.case");
  const id = useId();
  const errorsOf = (path: string) => errors?.[`case.${path}`]?.map((key) => t(key as never)).join(" ");
  const setStage = (key: number, patch: Partial<StageRow>) =>
    onChange({ ...draft, stages: draft.stages.map((stage) => (stage.key === key ? { ...stage, ...patch } : stage)) });
  const move = (index: number, by: -1 | 1) => {
    const stages = [...draft.stages];
    [stages[index], stages[index + by]] = [stages[index + by], stages[index]];
    onChange({ ...draft, stages });
  };
  const titleError = errorsOf("title");
  const listError = errorsOf("stages");

  return (
    <div data-testid="case-editor" className="space-y-4">
      <div className="space-y-1">
        <label htmlFor={`${id}-title`} className="block text-sm font-medium text-slate-700">
          {tc("caseTitle")}
        </label>
        <input
          id={`${id}-title`}
          data-testid="case-title"
          className={inputClass}
          value={draft.title}
          maxLength={PRECLASS_LIMITS.caseTitle}
          aria-invalid={!!titleError}
          aria-describedby={titleError ? `${id}-title-error` : undefined}
          onChange={(event) => onChange({ ...draft, title: event.target.value })}
        />
        {titleError && (
          <p id={`${id}-title-error`} className="text-sm text-red-600">
            {titleError}
          </p>
        )}
      </div>

      <ol className="space-y-3">
        {draft.stages.map((stage, index) => {
          const n = index + 1;
          const fieldId = `${id}-${stage.key}`;
          const stageErrors = {
            title: errorsOf(`stages.${index}.title`),
            content: errorsOf(`stages.${index}.content`),
            question: errorsOf(`stages.${index}.question`),
          };
          return (
            <li key={stage.key} data-testid="case-stage" className="space-y-3 rounded-lg border border-slate-200 bg-slate-50/60 p-3">
              <div className="flex items-center justify-between gap-2">
                <h3 className="text-sm font-semibold text-slate-800">
                  {tc("stage", { n })}
                  {stage.answerCount > 0 && (
                    <span className="ml-2 text-xs font-normal text-slate-500">{tc("answers", { count: stage.answerCount })}</span>
                  )}
                </h3>
                <div className="flex shrink-0 gap-1">
                  <button type="button" className={`${iconButton} text-slate-700`} onClick={() => move(index, -1)} disabled={index === 0} aria-label={tc("moveUp", { n })}>
                    ↑
                  </button>
                  <button
                    type="button"
                    className={`${iconButton} text-slate-700`}
                    onClick={() => move(index, 1)}
                    disabled={index === draft.stages.length - 1}
                    aria-label={tc("moveDown", { n })}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className={`${iconButton} text-red-600`}
                    onClick={() => onChange({ ...draft, stages: draft.stages.filter((s) => s.key !== stage.key) })}
                    disabled={draft.stages.length <= 1}
                    aria-label={tc("remove", { n })}
                  >
                    ✕
                  </button>
                </div>
              </div>
              <StageField id={`${fieldId}-title`} label={tc("stageTitle")} error={stageErrors.title}>
                {(a11y) => (
                  <input
                    {...a11y}
                    data-testid="case-stage-title"
                    className={inputClass}
                    value={stage.title}
                    maxLength={PRECLASS_LIMITS.stageTitle}
                    onChange={(event) => setStage(stage.key, { title: event.target.value })}
                  />
                )}
              </StageField>
              <StageField id={`${fieldId}-content`} label={tc("stageContent")} error={stageErrors.content}>
                {(a11y) => (
                  <MarkdownEditor
                    a11y={a11y}
                    testId="case-stage-content"
                    value={stage.content}
                    rows={6}
                    maxLength={PRECLASS_LIMITS.stageContent}
                    onChange={(content) => setStage(stage.key, { content })}
                  />
                )}
              </StageField>
              <StageField id={`${fieldId}-question`} label={tc("question")} error={stageErrors.question} hint={tc("questionHint")}>
                {(a11y) => (
                  <textarea
                    {...a11y}
                    data-testid="case-stage-question"
                    className={inputClass}
                    rows={2}
                    value={stage.question}
                    maxLength={PRECLASS_LIMITS.question}
                    onChange={(event) => setStage(stage.key, { question: event.target.value })}
                  />
                )}
              </StageField>
            </li>
          );
        })}
      </ol>
      {listError && <p className="text-sm text-red-600">{listError}</p>}
      <div className="flex items-center gap-3">
        <Button
          variant="secondary"
          data-testid="case-stage-add"
          onClick={() => onChange({ ...draft, stages: [...draft.stages, newStage()] })}
          disabled={draft.stages.length >= PRECLASS_LIMITS.stages}
        >
          + {tc("addStage")}
        </Button>
        <span className="text-xs text-slate-500">{tc("count", { count: draft.stages.length, max: PRECLASS_LIMITS.stages })}</span>
      </div>

      <div className="rounded-lg border border-amber-200 bg-amber-50 p-3">
        <label className="flex min-h-10 items-start gap-3 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            data-testid="deidentified-checkbox"
            className="mt-0.5 h-5 w-5 shrink-0 accent-brand-600"
            checked={draft.deidentified}
            aria-describedby={`${id}-deidentified-hint`}
            onChange={(event) => onChange({ ...draft, deidentified: event.target.checked })}
          />
          {tc("deidentified")}
        </label>
        <p id={`${id}-deidentified-hint`} className="mt-1 pl-8 text-xs text-slate-600">
          {tc("deidentifiedHint")}
        </p>
      </div>
    </div>
  );
}

type FieldA11y = { id: string; "aria-invalid": boolean; "aria-describedby"?: string };

function StageField({ id, label, error, hint, children }: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: (a11y: FieldA11y) => ReactNode;
}) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      {children({ id, "aria-invalid": !!error, "aria-describedby": describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
