"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { type ImportFailure, useImportUpload } from "@/components/ui/use-import-upload";
import type { ImportIssue, LocationUnit } from "@/lib/qbank/formats/types";
import type { ImportPreviewQuestion, QuestionImportSummary } from "@/lib/qbank/import-questions";
import { bankPath, bankTemplatePath } from "@/lib/qbank/paths";
import { QBANK_LIMITS } from "@/lib/qbank/schemas";
import { answerText } from "./answer-text";

type Failure = ImportFailure<{ errors?: ImportIssue[]; unit?: LocationUnit; columns?: string[] }>;

const SHOWN_ERRORS = 100;
const ACCEPT = ".xlsx,.csv,.txt,.gift,.xml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv,text/plain,application/xml,text/xml";

/** Upload → preview → confirm (useImportUpload), optionally sharing the questions with the department. */
export function QuestionImportPanel({ courseId }: { courseId: string }) {
  const t = useTranslations("qbank.import");
  const inputId = useId();
  const [shared, setShared] = useState(false);
  const { inputRef, file, busy, preview, result, failure, chooseFile, runPreview, runConfirm, reset } = useImportUpload<QuestionImportSummary, Failure["details"]>({
    url: `${bankPath(courseId)}/import/upload`,
    maxBytes: QBANK_LIMITS.fileBytes,
    fields: shared ? { shared: "1" } : {},
    // A refused confirm shows what is wrong in place of the preview.
    previewStale: () => true,
  });

  return (
    <div className="space-y-4">
      <div className="space-y-1 text-sm text-slate-600">
        <p>{t("intro")}</p>
        <p>{t("formats")}</p>
        <p>{t("limits")}</p>
      </div>
      <a href={bankTemplatePath(courseId)} download className={buttonClass("secondary")} data-testid="bank-template">
        {t("template")}
      </a>
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          void runPreview();
        }}
      >
        <div className="space-y-1">
          <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
            {t("file")}
          </label>
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            name="file"
            accept={ACCEPT}
            className={inputClass}
            data-testid="bank-import-file"
            onChange={(event) => chooseFile(event.target.files?.[0] ?? null)}
          />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={shared} onChange={(event) => setShared(event.target.checked)} className="size-4" data-testid="bank-import-shared" />
          {t("shared")}
        </label>
        <Button type="submit" disabled={!file || busy !== null} data-testid="bank-import-preview-button">
          {busy === "preview" ? t("previewing") : t("preview")}
        </Button>
      </form>

      {failure && <FailureAlert failure={failure} />}

      {preview && (
        <section className="space-y-3" data-testid="bank-import-preview" aria-labelledby={`${inputId}-preview`}>
          <h3 id={`${inputId}-preview`} className="font-semibold">
            {t("previewTitle")}
          </h3>
          {preview.errors.length > 0 ? (
            <IssueList errors={preview.errors} unit={preview.unit} />
          ) : (
            <p className="text-sm text-slate-700">{t("counts", countsOf(preview))}</p>
          )}
          <PreviewTable questions={preview.questions} unit={preview.unit} />
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => void runConfirm()} disabled={preview.errors.length > 0 || preview.counts.questions === 0 || busy !== null} data-testid="bank-import-confirm">
              {busy === "confirm" ? t("confirming") : t("confirm")}
            </Button>
            <Button variant="secondary" onClick={reset} disabled={busy !== null}>
              {t("cancel")}
            </Button>
          </div>
        </section>
      )}

      {result && (
        <section role="status" className="space-y-2 rounded-lg border border-emerald-200 bg-emerald-50 p-3" data-testid="bank-import-result">
          <h3 className="font-semibold text-emerald-900">{t("resultTitle")}</h3>
          <p className="text-sm text-emerald-900">{t("result", countsOf(result))}</p>
          <Link href={bankPath(courseId)} className={buttonClass("secondary")}>
            {t("backToBank")}
          </Link>
        </section>
      )}
    </div>
  );
}

const countsOf = ({ counts }: QuestionImportSummary) => ({ questions: counts.questions, cases: counts.cases, duplicates: counts.duplicates });

function FailureAlert({ failure }: { failure: Failure }) {
  const t = useTranslations();
  const issues = failure.code === "qbank.invalid_file" ? failure.details?.errors : undefined;
  if (issues?.length) return <IssueList errors={issues} unit={failure.details?.unit ?? "row"} />;
  const columns = failure.code === "qbank.missing_columns" ? failure.details?.columns : undefined;
  return (
    <div role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="bank-import-failure">
      <p>{t(`errors.${failure.code}` as never)}</p>
      {columns?.length ? (
        <p>{t("qbank.import.missingColumns", { columns: columns.map((c) => t(`qbank.import.columnNames.${c}` as never)).join("、") })}</p>
      ) : null}
    </div>
  );
}

function IssueList({ errors, unit }: { errors: ImportIssue[]; unit: LocationUnit }) {
  const t = useTranslations("qbank.import");
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800" data-testid="bank-import-errors">
      <p className="font-medium">{t("errorsTitle", { count: errors.length })}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {errors.slice(0, SHOWN_ERRORS).map((error) => (
          <li key={`${error.at}-${error.field}-${error.code}`} data-at={error.at}>
            {t("errorLine", {
              where: t(`at.${unit}`, { at: error.at }),
              field: t(`fields.${error.field}`),
              reason: t(`errors.${error.code}`),
            })}
          </li>
        ))}
      </ul>
      {errors.length > SHOWN_ERRORS && <p className="mt-1">{t("moreErrors", { count: errors.length - SHOWN_ERRORS })}</p>}
    </div>
  );
}

function PreviewTable({ questions, unit }: { questions: ImportPreviewQuestion[]; unit: LocationUnit }) {
  const t = useTranslations("qbank");
  const words = { true: t("trueFalse.true"), false: t("trueFalse.false"), blankSeparator: t("list.blankSeparator") };
  if (questions.length === 0) return null;
  const cell = "px-2 py-1.5 align-top";
  return (
    <div className="max-h-[32rem] overflow-auto rounded-lg border border-slate-200">
      <table className="w-full min-w-[44rem] text-left text-sm" data-testid="bank-import-table">
        <thead className="sticky top-0 bg-slate-50 text-xs text-slate-600">
          <tr>
            <th className={cell}>{t("import.table.at")}</th>
            <th className={cell}>{t("import.table.type")}</th>
            <th className={cell}>{t("import.table.stem")}</th>
            <th className={cell}>{t("import.table.answer")}</th>
            <th className={cell}>{t("import.table.tags")}</th>
            <th className={cell}>{t("import.table.case")}</th>
            <th className={cell}>{t("import.table.status")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {questions.map((q) => (
            <tr key={q.at} data-at={q.at}>
              <td className={`${cell} whitespace-nowrap text-slate-500`}>{t(`import.at.${unit}`, { at: q.at })}</td>
              <td className={`${cell} whitespace-nowrap`}>{t(`types.${q.type}`)}</td>
              <td className={`${cell} max-w-md`}>
                <span className="line-clamp-3 whitespace-pre-line">{q.stem}</span>
              </td>
              <td className={`${cell} max-w-48`}>
                <span className="line-clamp-2">{answerText(q, words)}</span>
              </td>
              <td className={`${cell} text-xs text-slate-600`}>{q.tags.join("，")}</td>
              <td className={`${cell} whitespace-nowrap text-xs`}>{q.caseKey ? `【${q.caseKey.length > 12 ? `${q.caseKey.slice(0, 12)}…` : q.caseKey}】` : ""}</td>
              <td className={cell}>{q.duplicate ? <Badge>{t("import.status.duplicate")}</Badge> : <Badge tone="green">{t("import.status.new")}</Badge>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
