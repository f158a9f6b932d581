"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import type { PartialCredit, QuestionType } from "@/generated/prisma/client";
import { MarkdownEditor } from "@/components/markdown-editor";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, Select, TextArea, inputClass } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/errors";
import { saveQuestionAction } from "@/lib/qbank/actions";
import { OPTION_KEYS, PARTIAL_CREDIT_RULES, QUESTION_LIMITS, QUESTION_TYPES } from "@/lib/qbank/question-shapes";
import { DIFFICULTIES, TAG_SEPARATORS, normalizeTag } from "@/lib/qbank/schemas";
import { TagInput } from "./tag-input";

export interface EditorQuestion {
  id?: string;
  type: QuestionType;
  stem: string;
  options: { key: string; text: string }[];
  answer: unknown;
  partialCredit: PartialCredit;
  caseInsensitive: boolean;
  referenceAnswer: string;
  explanation: string;
  difficulty: number;
  tags: string[];
  shared: boolean;
  caseId: string | null;
}

export interface EditorCase {
  id: string;
  vignette: string;
  questionCount: number;
}

type CaseMode = "none" | "existing" | "new";

const isChoice = (type: QuestionType) => type === "SINGLE" || type === "MULTIPLE";
const excerpt = (text: string, max = 40) => {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : chars.join("");
};

/** Initial editor state from a stored question (or the blank one of a new question). */
function stateOf(q: EditorQuestion) {
  const answer: unknown[] = Array.isArray(q.answer) ? q.answer : [];
  const keyIndex = (key: unknown) => OPTION_KEYS.indexOf(key as (typeof OPTION_KEYS)[number]);
  return {
    options: q.options.length >= 2 ? q.options.map((o) => o.text) : ["", "", "", ""],
    single: q.type === "SINGLE" && answer.length === 1 ? keyIndex(answer[0]) : -1,
    multi: q.type === "MULTIPLE" ? answer.map(keyIndex).filter((i) => i >= 0) : [],
    truth: q.type === "TRUE_FALSE" && typeof answer[0] === "boolean" ? (answer[0] as boolean) : null,
    blanks: q.type === "FILL_IN" ? (answer as string[][]).map((alternatives) => alternatives.join("\n")) : [""],
  };
}

/**
 * The question editor: type, stem, options A–F with the right answer(s), the multiple-choice scoring rule, the
 * accepted answers of each blank, the explanation, difficulty, tags, sharing and the case set. The whole question
 * goes to the server as one object; a successful save returns to the bank.
 */
export function QuestionEditor({
  courseId,
  initial,
  cases,
  tagSuggestions,
  cancelHref,
}: {
  courseId: string;
  initial: EditorQuestion;
  cases: EditorCase[];
  tagSuggestions: string[];
  cancelHref: string;
}) {
  const t = useTranslations("qbank.editor");
  const tq = useTranslations("qbank");
  const id = useId();
  const start = stateOf(initial);
  const [type, setType] = useState<QuestionType>(initial.type);
  const [stem, setStem] = useState(initial.stem);
  const [options, setOptions] = useState<string[]>(start.options);
  const [single, setSingle] = useState(start.single);
  const [multi, setMulti] = useState<number[]>(start.multi);
  const [rule, setRule] = useState<PartialCredit>(initial.type === "MULTIPLE" ? initial.partialCredit : "ALL_OR_NOTHING");
  const [truth, setTruth] = useState<boolean | null>(start.truth);
  const [blanks, setBlanks] = useState<string[]>(start.blanks);
  const [caseInsensitive, setCaseInsensitive] = useState(initial.caseInsensitive);
  const [perBlank, setPerBlank] = useState(initial.type === "FILL_IN" && initial.partialCredit !== "ALL_OR_NOTHING");
  const [referenceAnswer, setReferenceAnswer] = useState(initial.referenceAnswer);
  const [explanation, setExplanation] = useState(initial.explanation);
  const [difficulty, setDifficulty] = useState(initial.difficulty);
  const [tags, setTags] = useState<string[]>(initial.tags);
  const [shared, setShared] = useState(initial.shared);
  const [caseMode, setCaseMode] = useState<CaseMode>(initial.caseId ? "existing" : "none");
  const [caseId, setCaseId] = useState(initial.caseId ?? cases[0]?.id ?? "");
  const vignetteOf = (chosen: string) => cases.find((c) => c.id === chosen)?.vignette ?? "";
  const [vignette, setVignette] = useState(initial.caseId ? vignetteOf(initial.caseId) : "");
  const [state, setState] = useState<ActionResult<unknown> | null>(null);
  const [vignetteMissing, setVignetteMissing] = useState(false);
  const [pending, startTransition] = useTransition();

  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const errorsFor = (prefix: string) =>
    Object.entries(errors)
      .filter(([key]) => key === prefix || key.startsWith(`${prefix}.`))
      .flatMap(([, keys]) => keys);

  function removeOption(index: number) {
    setOptions((list) => list.filter((_, i) => i !== index));
    setSingle((current) => (current === index ? -1 : current > index ? current - 1 : current));
    setMulti((list) => list.filter((i) => i !== index).map((i) => (i > index ? i - 1 : i)));
  }

  function answerOf(): unknown[] {
    switch (type) {
      case "SINGLE":
        return single >= 0 && single < options.length ? [OPTION_KEYS[single]] : [];
      case "MULTIPLE":
        return [...multi].filter((i) => i < options.length).sort((a, b) => a - b).map((i) => OPTION_KEYS[i]);
      case "TRUE_FALSE":
        return truth === null ? [] : [truth];
      case "FILL_IN":
        return blanks.map((text) => text.split("\n").map((line) => line.trim()).filter(Boolean));
      case "SHORT_ANSWER":
        return [];
    }
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const needsVignette = caseMode === "new" || (caseMode === "existing" && !caseId);
    if (needsVignette && !vignette.trim()) {
      setVignetteMissing(true);
      return;
    }
    setVignetteMissing(false);
    const question = {
      type,
      stem,
      options: isChoice(type) ? options.map((text, i) => ({ key: OPTION_KEYS[i], text })) : [],
      answer: answerOf(),
      partialCredit: type === "MULTIPLE" ? rule : type === "FILL_IN" && perBlank ? ("RIGHT_MINUS_WRONG" as const) : ("ALL_OR_NOTHING" as const),
      caseInsensitive,
      referenceAnswer,
      explanation,
      difficulty,
      tags,
    };
    const placement =
      caseMode === "none"
        ? { caseId: null, vignette: null }
        : caseMode === "new"
          ? { caseId: null, vignette }
          : { caseId, vignette: vignette.trim() && vignette !== vignetteOf(caseId) ? vignette : null };
    startTransition(async () => {
      setState(await saveQuestionAction({ courseId, questionId: initial.id, question, shared, placement }));
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5" data-testid="question-editor">
      <div className="grid gap-4 sm:grid-cols-2">
        <Select label={t("type")} value={type} onChange={(event) => setType(event.target.value as QuestionType)} data-testid="qe-type">
          {QUESTION_TYPES.map((value) => (
            <option key={value} value={value}>
              {tq(`types.${value}`)}
            </option>
          ))}
        </Select>
        <Select label={t("difficulty")} value={difficulty} onChange={(event) => setDifficulty(Number(event.target.value))} data-testid="qe-difficulty">
          {DIFFICULTIES.map((value) => (
            <option key={value} value={value}>
              {tq(`difficulty.${value}`)}
            </option>
          ))}
        </Select>
      </div>

      <Field label={t("stem")} hint={t("stemHint")} errors={errorsFor("question.stem")}>
        {(a11y) => <MarkdownEditor value={stem} onChange={setStem} maxLength={QUESTION_LIMITS.stem} rows={5} testId="qe-stem" a11y={a11y} />}
      </Field>

      {isChoice(type) && (
        <fieldset className="space-y-2" data-testid="qe-options">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("options")}</legend>
          {options.map((text, index) => {
            const key = OPTION_KEYS[index];
            const optionErrors = errorsFor(`question.options.${index}`);
            return (
              <div key={index} className="flex items-start gap-2">
                <label className="mt-2 inline-flex w-16 shrink-0 items-center gap-1.5 text-sm font-medium">
                  {type === "SINGLE" ? (
                    <input type="radio" name={`${id}-correct`} checked={single === index} onChange={() => setSingle(index)} aria-label={t("correctSingle")} className="size-4" data-testid={`qe-correct-${key}`} />
                  ) : (
                    <input
                      type="checkbox"
                      checked={multi.includes(index)}
                      onChange={(event) => setMulti((list) => (event.target.checked ? [...list, index] : list.filter((i) => i !== index)))}
                      aria-label={t("correctMultiple", { key })}
                      className="size-4"
                      data-testid={`qe-correct-${key}`}
                    />
                  )}
                  {key}
                </label>
                <div className="flex-1">
                  <input
                    className={inputClass}
                    value={text}
                    maxLength={QUESTION_LIMITS.option}
                    aria-label={t("option", { key })}
                    aria-invalid={optionErrors.length > 0}
                    onChange={(event) => setOptions((list) => list.map((old, i) => (i === index ? event.target.value : old)))}
                    data-testid={`qe-option-${key}`}
                  />
                </div>
                {options.length > 2 && (
                  <Button variant="ghost" onClick={() => removeOption(index)} aria-label={t("removeOption", { key })} className="px-2">
                    ×
                  </Button>
                )}
              </div>
            );
          })}
          {options.length < OPTION_KEYS.length && (
            <Button variant="secondary" onClick={() => setOptions((list) => [...list, ""])} data-testid="qe-add-option">
              {t("addOption")}
            </Button>
          )}
          <FieldErrors keys={[...errorsFor("question.options"), ...errorsFor("question.answer")]} />
        </fieldset>
      )}

      {type === "MULTIPLE" && (
        <fieldset className="space-y-1" data-testid="qe-rules">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("partialCredit")}</legend>
          {PARTIAL_CREDIT_RULES.map((value) => (
            <label key={value} className="flex items-start gap-2 text-sm">
              <input type="radio" name={`${id}-rule`} checked={rule === value} onChange={() => setRule(value)} className="mt-0.5 size-4" data-testid={`qe-rule-${value}`} />
              {tq(`rules.${value}`)}
            </label>
          ))}
        </fieldset>
      )}

      {type === "TRUE_FALSE" && (
        <fieldset data-testid="qe-truth">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("answerTrueFalse")}</legend>
          <div className="flex gap-4">
            {[true, false].map((value) => (
              <label key={String(value)} className="inline-flex items-center gap-2 text-sm">
                <input type="radio" name={`${id}-truth`} checked={truth === value} onChange={() => setTruth(value)} className="size-4" data-testid={`qe-truth-${value}`} />
                {tq(`trueFalse.${value}`)}
              </label>
            ))}
          </div>
          <FieldErrors keys={errorsFor("question.answer")} />
        </fieldset>
      )}

      {type === "FILL_IN" && (
        <fieldset className="space-y-3" data-testid="qe-blanks">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("blanks")}</legend>
          <p className="text-xs text-slate-500">{t("blankHint")}</p>
          {blanks.map((text, index) => (
            <div key={index} className="flex items-start gap-2">
              <div className="flex-1">
                <TextArea
                  label={t("blank", { n: index + 1 })}
                  rows={2}
                  value={text}
                  onChange={(event) => setBlanks((list) => list.map((old, i) => (i === index ? event.target.value : old)))}
                  data-testid={`qe-blank-${index}`}
                />
              </div>
              {blanks.length > 1 && (
                <Button variant="ghost" onClick={() => setBlanks((list) => list.filter((_, i) => i !== index))} aria-label={t("removeBlank", { n: index + 1 })} className="mt-6 px-2">
                  ×
                </Button>
              )}
            </div>
          ))}
          {blanks.length < QUESTION_LIMITS.blanks && (
            <Button variant="secondary" onClick={() => setBlanks((list) => [...list, ""])} data-testid="qe-add-blank">
              {t("addBlank")}
            </Button>
          )}
          <FieldErrors keys={errorsFor("question.answer")} />
          <Checkbox checked={caseInsensitive} onChange={setCaseInsensitive} label={t("caseInsensitive")} testId="qe-case-insensitive" />
          <Checkbox checked={perBlank} onChange={setPerBlank} label={t("perBlank")} testId="qe-per-blank" />
        </fieldset>
      )}

      {type === "SHORT_ANSWER" && (
        <TextArea
          label={t("referenceAnswer")}
          hint={t("referenceHint")}
          rows={4}
          value={referenceAnswer}
          maxLength={QUESTION_LIMITS.referenceAnswer}
          onChange={(event) => setReferenceAnswer(event.target.value)}
          errors={errorsFor("question.referenceAnswer")}
          data-testid="qe-reference"
        />
      )}

      <Field label={t("explanation")} hint={t("explanationHint")} errors={errorsFor("question.explanation")}>
        {(a11y) => <MarkdownEditor value={explanation} onChange={setExplanation} maxLength={QUESTION_LIMITS.explanation} rows={4} testId="qe-explanation" a11y={a11y} />}
      </Field>

      <TagInput
        label={t("tags")}
        hint={t("tagsHint")}
        tags={tags}
        onChange={setTags}
        suggestions={tagSuggestions}
        max={QUESTION_LIMITS.tags}
        maxLength={QUESTION_LIMITS.tag}
        normalize={(text) => text.split(TAG_SEPARATORS).map(normalizeTag).filter(Boolean)}
        labels={{ add: t("addTag"), remove: (tag) => t("removeTag", { tag }) }}
        errors={errorsFor("question.tags")}
      />

      <fieldset className="space-y-2 rounded-lg border border-slate-200 p-3" data-testid="qe-case">
        <legend className="px-1 text-sm font-medium text-slate-700">{t("case.legend")}</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(["none", ...(cases.length ? ["existing" as const] : []), "new"] as CaseMode[]).map((mode) => (
            <label key={mode} className="inline-flex items-center gap-2">
              <input
                type="radio"
                name={`${id}-case`}
                checked={caseMode === mode}
                onChange={() => {
                  setCaseMode(mode);
                  setVignette(mode === "existing" ? vignetteOf(caseId) : "");
                }}
                className="size-4"
                data-testid={`qe-case-${mode}`}
              />
              {mode === "existing" ? t("case.existingMode") : t(`case.${mode}`)}
            </label>
          ))}
        </div>
        {caseMode === "existing" && (
          <Select
            label={t("case.choose")}
            value={caseId}
            onChange={(event) => {
              setCaseId(event.target.value);
              setVignette(vignetteOf(event.target.value));
            }}
            data-testid="qe-case-select"
          >
            {cases.map((c) => (
              <option key={c.id} value={c.id}>
                {t("case.existing", { excerpt: excerpt(c.vignette), count: c.questionCount })}
              </option>
            ))}
          </Select>
        )}
        {caseMode !== "none" && (
          <Field
            label={t("case.vignette")}
            hint={caseMode === "existing" ? `${t("case.vignetteHint")} ${t("case.sharedNote")}` : t("case.vignetteHint")}
            errors={[...errorsFor("placement"), ...(vignetteMissing ? ["qbank.editor.noCaseVignette"] : [])]}
          >
            {(a11y) => <MarkdownEditor value={vignette} onChange={setVignette} maxLength={QUESTION_LIMITS.vignette} rows={5} testId="qe-vignette" a11y={a11y} />}
          </Field>
        )}
      </fieldset>

      <div>
        <Checkbox checked={shared} onChange={setShared} label={t("shared")} testId="qe-shared" />
        <p className="ml-6 text-xs text-slate-500">{t("sharedHint")}</p>
      </div>

      <FormAlert state={state} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending} data-testid="qe-save">
          {pending ? t("saving") : initial.id ? t("save") : t("create")}
        </Button>
        <Link href={cancelHref} className={buttonClass("secondary")}>
          {t("back")}
        </Link>
      </div>
    </form>
  );
}

function Checkbox({ checked, onChange, label, testId }: { checked: boolean; onChange: (value: boolean) => void; label: string; testId: string }) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} className="mt-0.5 size-4" data-testid={testId} />
      {label}
    </label>
  );
}

function FieldErrors({ keys }: { keys: string[] }) {
  const t = useTranslations();
  if (!keys.length) return null;
  return <p className="text-sm text-red-600">{[...new Set(keys)].map((key) => t(key as never)).join(" ")}</p>;
}
