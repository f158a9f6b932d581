"use client";
import { useTranslations } from "next-intl";
import { useDeferredValue, useState } from "react";
import { Markdown } from "@/components/markdown";
import { Field, inputClass } from "@/components/ui/field";

type Pane = "write" | "preview";

/**
 * Markdown textarea with a live preview: side by side on wide screens, as two tabs on a phone. The preview renders
 * exactly what students will see (the same sanitized Markdown component).
 */
export function SyllabusEditor({ name, initial, maxLength, errors }: {
  name: string;
  initial: string;
  maxLength: number;
  errors?: string[];
}) {
  const t = useTranslations("course.intro");
  const [text, setText] = useState(initial);
  const [pane, setPane] = useState<Pane>("write");
  // Re-rendering a long syllabus on every keystroke would make typing lag; the preview may trail a little.
  const previewText = useDeferredValue(text);
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
    <Field label={t("syllabus")} errors={errors} hint={t("syllabusHint")}>
      {(a11y) => (
        <div className="space-y-2">
          <div role="tablist" className="inline-flex rounded-lg bg-slate-100 p-1 lg:hidden">
            {tab("write")}
            {tab("preview")}
          </div>
          <div className="grid gap-3 lg:grid-cols-2">
            <div className={pane === "write" ? "block" : "hidden lg:block"}>
              <textarea
                {...a11y}
                data-testid="syllabus-editor"
                name={name}
                value={text}
                maxLength={maxLength}
                rows={18}
                spellCheck={false}
                onChange={(event) => setText(event.target.value)}
                className={`${inputClass} font-mono`}
              />
              <p className="mt-1 text-right text-xs text-slate-500">{t("chars", { count: text.length, max: maxLength })}</p>
            </div>
            <div
              data-testid="syllabus-preview"
              aria-label={t("preview")}
              className={`${pane === "preview" ? "block" : "hidden lg:block"} max-h-[32rem] min-h-40 overflow-y-auto rounded-lg border border-slate-200 bg-slate-50 px-3 py-2`}
            >
              {previewText.trim() ? <Markdown source={previewText} /> : <p className="text-sm text-slate-500">{t("previewEmpty")}</p>}
            </div>
          </div>
        </div>
      )}
    </Field>
  );
}
