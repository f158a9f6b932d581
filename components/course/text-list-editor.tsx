"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";
import { listErrorsOf } from "./list-errors";
import { nextRowKey } from "./list-keys";
import { RowButtons } from "./row-buttons";

export interface ListItem {
  /** Present for saved items whose identity matters (see `postIds`). */
  id?: string;
  text: string;
}

interface Row extends ListItem {
  key: number;
}

/**
 * An editable list of short texts (objectives): add, remove, reorder, edit. Posts the list as JSON in one hidden
 * field named `name`: plain texts, or `{ id, text }` with `postIds` so that the server can keep saved items' rows.
 * Errors for the whole list and for each item come from the last submission.
 */
export function TextListEditor({ name, initial, postIds = false, max, maxLength, labels, errors, testId }: {
  name: string;
  initial: readonly ListItem[];
  postIds?: boolean;
  max: number;
  maxLength: number;
  labels: { legend: string; hint: string; item: (n: number) => string; add: string; empty: string };
  errors?: FieldErrors;
  testId: string;
}) {
  const t = useTranslations();
  const [rows, setRows] = useState<Row[]>(() => initial.map((item) => ({ ...item, key: nextRowKey() })));
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const listErrors = listErrorsOf(errors, name);
  const translate = (keys: string[] | undefined) => keys?.map((key) => t(key as never)).join(" ");
  const posted = rows.map(({ id, text }) => (postIds ? { ...(id && { id }), text } : text));

  const move = (index: number, by: -1 | 1) =>
    setRows((current) => {
      const next = [...current];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });
  const add = () => {
    const key = nextRowKey();
    setRows((current) => [...current, { key, text: "" }]);
    setFocusKey(key);
  };

  return (
    <fieldset data-testid={testId} className="space-y-3">
      <legend className="text-sm font-medium text-slate-700">{labels.legend}</legend>
      <p className="text-xs text-slate-500">{labels.hint}</p>
      <input type="hidden" name={name} value={JSON.stringify(posted)} />
      {rows.length === 0 && <p className="text-sm text-slate-500">{labels.empty}</p>}
      <ol className="space-y-2">
        {rows.map((row, index) => {
          // Plain texts report at `name.3`, items with ids at `name.3.text`.
          const itemErrors = translate(listErrors.item(index) ?? listErrors.item(index, "text"));
          const errorId = `${name}-${row.key}-error`;
          return (
            <li key={row.key} className="flex items-start gap-2">
              <span className="mt-2 w-6 shrink-0 text-right text-sm text-slate-500">{index + 1}.</span>
              <div className="min-w-0 flex-1">
                <textarea
                  className={inputClass}
                  rows={2}
                  value={row.text}
                  maxLength={maxLength}
                  aria-label={labels.item(index + 1)}
                  aria-invalid={!!itemErrors}
                  aria-describedby={itemErrors ? errorId : undefined}
                  autoFocus={row.key === focusKey}
                  onChange={(event) =>
                    setRows((current) => current.map((r) => (r.key === row.key ? { ...r, text: event.target.value } : r)))
                  }
                />
                {itemErrors && (
                  <p id={errorId} className="mt-1 text-sm text-red-600">
                    {itemErrors}
                  </p>
                )}
              </div>
              <RowButtons
                index={index}
                count={rows.length}
                onMove={(by) => move(index, by)}
                onRemove={() => setRows((current) => current.filter((r) => r.key !== row.key))}
              />
            </li>
          );
        })}
      </ol>
      {listErrors.list && <p className="text-sm text-red-600">{translate(listErrors.list)}</p>}
      <div className="flex items-center gap-3">
        <Button variant="secondary" onClick={add} disabled={rows.length >= max}>
          + {labels.add}
        </Button>
        <span className="text-xs text-slate-500">{t("course.list.count", { count: rows.length, max })}</span>
      </div>
    </fieldset>
  );
}
