"use client";
import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import type { FieldErrors } from "@/lib/errors";
import { listErrorsOf } from "./list-errors";
import { nextRowKey } from "./list-keys";
import { RowButtons } from "./row-buttons";

export interface SchemeRow {
  key: number;
  /** A saved item keeps its id, so that the quizzes and homework counted towards it stay with it. */
  id?: string;
  name: string;
  /** As typed, so that the field can be blank while editing. */
  weight: string;
  description: string;
}

export const schemeRowOf = (item: { id?: string; name: string; weight: number; description: string }): SchemeRow => ({
  key: nextRowKey(),
  id: item.id,
  name: item.name,
  weight: String(item.weight),
  description: item.description,
});

/** The running total counts only whole numbers; anything else is reported by the server as a field error. */
export const schemeTotalOf = (rows: readonly SchemeRow[]): number =>
  rows.reduce((sum, row) => sum + (/^\d+$/.test(row.weight.trim()) ? Number(row.weight) : 0), 0);

const weightOf = (typed: string): number | null => (typed.trim() === "" ? null : Number(typed));

/** The assessment scheme: rows of name, weight and description, with the running total of the weights. */
export function SchemeEditor({ name, rows, onChange, max, limits, errors }: {
  name: string;
  rows: SchemeRow[];
  onChange: (rows: SchemeRow[]) => void;
  max: number;
  limits: { name: number; description: number };
  errors?: FieldErrors;
}) {
  const t = useTranslations();
  const tc = useTranslations("course.intro");
  const listErrors = listErrorsOf(errors, name);
  const translate = (keys: string[] | undefined) => keys?.map((key) => t(key as never)).join(" ");
  const total = schemeTotalOf(rows);
  const complete = total === 100;
  // An empty scheme ("not defined yet") may be saved, so it is not flagged.
  const tone = rows.length === 0 ? "text-slate-600" : complete ? "text-emerald-700" : "text-red-600";
  const update = (key: number, patch: Partial<SchemeRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    onChange(next);
  };
  const payload = rows.map((row) => ({ id: row.id, name: row.name, weight: weightOf(row.weight), description: row.description }));

  return (
    <fieldset data-testid="scheme-editor" className="space-y-3">
      <legend className="text-sm font-medium text-slate-700">{tc("scheme")}</legend>
      <p className="text-xs text-slate-500">{tc("schemeHint")}</p>
      <input type="hidden" name={name} value={JSON.stringify(payload)} />
      {rows.length === 0 && <p className="text-sm text-slate-500">{tc("noItems")}</p>}
      <ol className="space-y-3">
        {rows.map((row, index) => {
          const n = index + 1;
          const cellErrors = (field: string) => translate(listErrors.item(index, field));
          const errorText = [cellErrors("name"), cellErrors("weight"), cellErrors("description")].filter(Boolean).join(" ");
          return (
            <li key={row.key} className="rounded-lg border border-slate-200 p-3" aria-label={tc("item", { n })}>
              <div className="flex items-start gap-2">
                <div className="grid min-w-0 flex-1 gap-2 sm:grid-cols-[1fr_7rem]">
                  <label className="block text-xs text-slate-600">
                    {tc("itemName")}
                    <input
                      className={inputClass}
                      value={row.name}
                      maxLength={limits.name}
                      aria-invalid={!!cellErrors("name")}
                      onChange={(event) => update(row.key, { name: event.target.value })}
                    />
                  </label>
                  <label className="block text-xs text-slate-600">
                    {tc("itemWeight")}
                    <input
                      className={inputClass}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={100}
                      step={1}
                      value={row.weight}
                      aria-invalid={!!cellErrors("weight")}
                      onChange={(event) => update(row.key, { weight: event.target.value })}
                    />
                  </label>
                  <label className="block text-xs text-slate-600 sm:col-span-2">
                    {tc("itemDescription")}
                    <input
                      className={inputClass}
                      value={row.description}
                      maxLength={limits.description}
                      aria-invalid={!!cellErrors("description")}
                      onChange={(event) => update(row.key, { description: event.target.value })}
                    />
                  </label>
                </div>
                <RowButtons
                  index={index}
                  count={rows.length}
                  onMove={(by) => move(index, by)}
                  onRemove={() => onChange(rows.filter((r) => r.key !== row.key))}
                />
              </div>
              {errorText && <p className="mt-1 text-sm text-red-600">{errorText}</p>}
            </li>
          );
        })}
      </ol>
      {listErrors.list && <p className="text-sm text-red-600">{translate(listErrors.list)}</p>}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Button
          variant="secondary"
          disabled={rows.length >= max}
          onClick={() => onChange([...rows, { key: nextRowKey(), name: "", weight: "", description: "" }])}
        >
          + {tc("addItem")}
        </Button>
        <p
          data-testid="scheme-total"
          aria-live="polite"
          className={`text-sm font-medium ${tone}`}
        >
          {tc("total", { total })}
          {rows.length > 0 && <> · {complete ? tc("totalOk") : tc("totalOff")}</>}
        </p>
      </div>
    </fieldset>
  );
}
