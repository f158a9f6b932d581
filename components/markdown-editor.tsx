"use client";
import { useTranslations } from "next-intl";
import { useDeferredValue, useState } from "react";
import { Markdown } from "@/components/markdown";
import { inputClass } from "@/components/ui/field";

type Pane = "write" | "preview";

/**
 * A Markdown textarea with a preview that renders exactly what students will see (the sanitized Markdown component):
 * side by side on wide screens, two tabs on a phone. Controlled, so a list editor can keep the text.
 */
export function MarkdownEditor({ value, onChange, maxLength, rows, testId, previewTestId, name, a11y }: {
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  rows: number;
  testId?: string;
  previewTestId?: string;
  name?: string;
  a11y: { id?: string; "aria-label"?: string; "aria-invalid"?: boolean; "aria-describedby"?: string };
}) {
  const t = useTranslations("common.markdown");
  const [pane, setPane] = useState<Pane>("write");
  // Re-rendering long Markdown on every keystroke would make typing lag; the preview may trail a little.
  const previewText = useDeferredValue(value);
  const tab = (which: Pane) => (
    <button
      type="button"
      role="tab"
      aria-selected={pane === which}
      onClick={() => setPane(which)}
      className={`rounded-md px-3 py-1 text-sm ${pane === which ? "bg-white font-medium shadow-sm" : "text-slate-600"}`}
    >
      {t(which)}
    </button>
  );
  return (
    <div className="space-y-2">
      <div role="tablist" className="inline-flex rounded-lg bg-slate-100 p-1 lg:hidden">
        {tab("write")}
        {tab("preview")}
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        <div className={pane === "write" ? "block" : "hidden lg:block"}>
          <textarea
            {...a11y}
            data-testid={testId}
            name={name}
            value={value}
            maxLength={maxLength}
            rows={rows}
            spellCheck={false}
            onChange={(event) => onChange(event.target.value)}
            className={`${inputClass} font-mono`}
          />
          <p className="mt-1 text-right text-xs text-slate-500">{t("chars", { count: value.length, max: maxLength })}</p>
        </div>
        <div
          data-testid={previewTestId}
          aria-label={t("preview")}
          className={`${pane === "preview" ? "block" : "hidden lg:block"} max-h-[28rem] min-h-24 overflow-y-auto rounded-lg border border-slate-200 bg-slate-50 px-3 py-2`}
        >
          {previewText.trim() ? <Markdown source={previewText} /> : <p className="text-sm text-slate-500">{t("previewEmpty")}</p>}
        </div>
      </div>
    </div>
  );
}
