"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { type ImportFailure, useImportUpload } from "@/components/ui/use-import-upload";
import type { RosterImportRow, RosterImportSummary, TemporaryPassword } from "@/lib/roster/import-roster";
import { ROSTER_LIMITS } from "@/lib/roster/schemas";
import type { RosterRowError } from "@/lib/roster/validate-roster";

type Failure = ImportFailure<{ errors?: RosterRowError[]; columns?: string[] }>;

const SHOWN_ERRORS = 100;

/** Upload → preview → confirm (useImportUpload); the answer to a confirm carries the new accounts' passwords once. */
export function RosterImportPanel({ courseId }: { courseId: string }) {
  const t = useTranslations();
  const inputId = useId();
  const { inputRef, file, busy, preview, result, failure, chooseFile, runPreview, runConfirm, reset } = useImportUpload<RosterImportSummary, Failure["details"]>({
    url: `/api/courses/${courseId}/roster/import`,
    maxBytes: ROSTER_LIMITS.fileBytes,
    // Rows that became wrong since the preview (an account taken meanwhile): that preview is stale.
    previewStale: (code) => code === "roster.invalid_rows",
  });

  return (
    <div className="space-y-4">
      <div className="space-y-1 text-sm text-slate-600">
        <p>{t("roster.import.intro")}</p>
        <p>{t("roster.import.limits")}</p>
      </div>
      <div className="flex flex-wrap gap-2">
        <a href={`/api/courses/${courseId}/roster/template?format=xlsx`} download className={buttonClass("secondary")} data-testid="roster-template-xlsx">
          {t("roster.import.templateXlsx")}
        </a>
        <a href={`/api/courses/${courseId}/roster/template?format=csv`} download className={buttonClass("ghost")} data-testid="roster-template-csv">
          {t("roster.import.templateCsv")}
        </a>
      </div>
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          void runPreview();
        }}
      >
        <div className="space-y-1">
          <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
            {t("roster.import.file")}
          </label>
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            name="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            className={inputClass}
            data-testid="roster-import-file"
            onChange={(event) => chooseFile(event.target.files?.[0] ?? null)}
          />
        </div>
        <Button type="submit" disabled={!file || busy !== null} data-testid="roster-import-preview-button">
          {busy === "preview" ? t("roster.import.previewing") : t("roster.import.preview")}
        </Button>
      </form>

      {failure && <FailureAlert failure={failure} />}

      {preview && (
        <section className="space-y-3" data-testid="roster-import-preview" aria-labelledby={`${inputId}-preview`}>
          <h3 id={`${inputId}-preview`} className="font-semibold">
            {t("roster.import.previewTitle")}
          </h3>
          <p className="text-sm text-slate-700">{t("roster.import.counts", { ...preview.counts })}</p>
          {preview.errors.length > 0 && <RowErrors errors={preview.errors} />}
          <PreviewTable rows={preview.rows} errors={preview.errors} />
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => void runConfirm()} disabled={preview.errors.length > 0 || busy !== null} data-testid="roster-import-confirm">
              {busy === "confirm" ? t("roster.import.confirming") : t("roster.import.confirm")}
            </Button>
            <Button variant="secondary" onClick={reset} disabled={busy !== null}>
              {t("roster.import.cancel")}
            </Button>
          </div>
        </section>
      )}

      {result && <ImportResult result={result} />}
    </div>
  );
}

function FailureAlert({ failure }: { failure: Failure }) {
  const t = useTranslations();
  const rowErrors = failure.code === "roster.invalid_rows" ? failure.details?.errors : undefined;
  if (rowErrors?.length) return <RowErrors errors={rowErrors} />;
  const columns = failure.code === "roster.missing_columns" ? failure.details?.columns : undefined;
  return (
    <div role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="roster-import-failure">
      <p>{t(`errors.${failure.code}` as never)}</p>
      {columns?.length ? (
        <p>{t("roster.import.missingColumns", { columns: columns.map((c) => t(`roster.columns.${c}` as never)).join("、") })}</p>
      ) : null}
    </div>
  );
}

function RowErrors({ errors }: { errors: RosterRowError[] }) {
  const t = useTranslations();
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800" data-testid="roster-import-errors">
      <p className="font-medium">{t("roster.import.errorsTitle", { count: errors.length })}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {errors.slice(0, SHOWN_ERRORS).map((error) => (
          <li key={`${error.row}-${error.column}-${error.code}`}>
            {t("roster.import.errorLine", {
              row: error.row,
              column: t(`roster.columns.${error.column}` as never),
              reason: t(error.code as never),
            })}
          </li>
        ))}
      </ul>
      {errors.length > SHOWN_ERRORS && <p className="mt-1">{t("roster.import.moreErrors", { count: errors.length - SHOWN_ERRORS })}</p>}
    </div>
  );
}

function PreviewTable({ rows, errors }: { rows: RosterImportRow[]; errors: RosterRowError[] }) {
  const t = useTranslations("roster");
  const wrongCells = new Set(errors.map((error) => `${error.row}:${error.column}`));
  const cellClass = (row: number, column: string) =>
    `px-2 py-1.5 ${wrongCells.has(`${row}:${column}`) ? "font-medium text-red-700 underline decoration-wavy decoration-red-400" : ""}`;
  return (
    <div className="max-h-96 overflow-auto rounded-lg border border-slate-200">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <thead className="sticky top-0 bg-slate-50 text-xs text-slate-600">
          <tr>
            <th className="px-2 py-1.5">{t("import.row")}</th>
            <th className="px-2 py-1.5">{t("columns.no")}</th>
            <th className="px-2 py-1.5">{t("columns.name")}</th>
            <th className="px-2 py-1.5">{t("columns.class")}</th>
            <th className="px-2 py-1.5">{t("columns.group")}</th>
            <th className="px-2 py-1.5">{t("import.change")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.row} className={row.change ? "" : "bg-red-50"} data-row={row.row} aria-invalid={row.change ? undefined : true}>
              <td className="px-2 py-1.5 text-slate-500">{row.row}</td>
              <td className={cellClass(row.row, "no")}>{row.no}</td>
              <td className={cellClass(row.row, "name")}>{row.name}</td>
              <td className={cellClass(row.row, "class")}>{row.className}</td>
              <td className={cellClass(row.row, "group")}>{row.group}</td>
              <td className="px-2 py-1.5">
                <ChangeBadges change={row.change} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ChangeBadges({ change }: { change: RosterImportRow["change"] }) {
  const t = useTranslations("roster.import.kind");
  if (!change) return <Badge tone="red">{t("error")}</Badge>;
  if (change.account === "same" && change.membership === "same") return <Badge>{t("same")}</Badge>;
  return (
    <span className="flex flex-wrap gap-1">
      {change.account === "create" && <Badge tone="green">{t("create")}</Badge>}
      {change.account === "update" && <Badge tone="amber">{t("update")}</Badge>}
      {change.membership === "add" && <Badge tone="blue">{t("add")}</Badge>}
      {change.membership === "regroup" && <Badge tone="amber">{t("regroup")}</Badge>}
    </span>
  );
}

function ImportResult({ result }: { result: RosterImportSummary }) {
  const t = useTranslations("roster");
  return (
    <section role="status" className="space-y-3 rounded-lg border border-emerald-200 bg-emerald-50 p-3" data-testid="roster-import-result">
      <h3 className="font-semibold text-emerald-900">{t("import.resultTitle")}</h3>
      <p className="text-sm text-emerald-900">{t("import.counts", { ...result.counts })}</p>
      {result.passwords.length > 0 && (
        <div className="space-y-2">
          <h4 className="font-medium">{t("import.passwordsTitle")}</h4>
          <p className="text-sm text-amber-800">{t("import.passwordsNote")}</p>
          <Button variant="secondary" onClick={() => downloadPasswords(result.passwords, t)} data-testid="roster-import-passwords-csv">
            {t("import.downloadPasswords")}
          </Button>
          <div className="max-h-80 overflow-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm" data-testid="roster-import-passwords">
              <thead className="sticky top-0 bg-slate-50 text-xs text-slate-600">
                <tr>
                  <th className="px-2 py-1.5">{t("columns.no")}</th>
                  <th className="px-2 py-1.5">{t("columns.name")}</th>
                  <th className="px-2 py-1.5">{t("import.password")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {result.passwords.map((entry) => (
                  <tr key={entry.no}>
                    <td className="px-2 py-1.5">{entry.no}</td>
                    <td className="px-2 py-1.5">{entry.name}</td>
                    <td className="px-2 py-1.5 font-mono">{entry.password}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}

/** Quoted, and a leading = + - @ neutralized so that Excel never runs a cell as a formula. */
const csvCell = (value: string) => `"${(/^[=+\-@]/.test(value) ? `'${value}` : value).replace(/"/g, '""')}"`;

function downloadPasswords(passwords: TemporaryPassword[], t: ReturnType<typeof useTranslations<"roster">>) {
  const lines = [
    [t("columns.no"), t("columns.name"), t("import.password")],
    ...passwords.map((entry) => [entry.no, entry.name, entry.password]),
  ].map((cells) => cells.map(csvCell).join(","));
  // Built in the browser from the answer on screen: the passwords are never stored or served again.
  const url = URL.createObjectURL(new Blob([`\uFEFF${lines.join("\r\n")}\r\n`], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `${t("import.passwordsFile")}.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
