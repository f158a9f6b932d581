"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";

/**
 * Tags as removable chips and a text box with the course's tags as suggestions. Enter, a comma or the button adds
 * what was typed (several tags at once when separated by commas).
 */
export function TagInput({
  label,
  hint,
  tags,
  onChange,
  suggestions,
  max,
  maxLength,
  normalize,
  labels,
  errors,
}: {
  label: string;
  hint: string;
  tags: string[];
  onChange: (tags: string[]) => void;
  suggestions: string[];
  max: number;
  maxLength: number;
  normalize: (text: string) => string[];
  labels: { add: string; remove: (tag: string) => string };
  errors?: string[];
}) {
  const listId = useId();
  const [draft, setDraft] = useState("");
  function add() {
    const added = normalize(draft).filter((tag) => !tags.includes(tag));
    if (added.length) onChange([...tags, ...added].slice(0, max));
    setDraft("");
  }
  return (
    <Field label={label} hint={hint} errors={errors}>
      {(a11y) => (
        <div className="space-y-2" data-testid="qe-tags">
          {tags.length > 0 && (
            <ul className="flex flex-wrap gap-1.5">
              {tags.map((tag) => (
                <li key={tag} className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pl-2.5 pr-1 text-sm text-slate-800">
                  {tag}
                  <button type="button" onClick={() => onChange(tags.filter((t) => t !== tag))} aria-label={labels.remove(tag)} className="rounded-full px-1.5 text-slate-500 hover:bg-slate-200">
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="flex gap-2">
            <input
              {...a11y}
              className={inputClass}
              list={listId}
              value={draft}
              maxLength={maxLength * 4}
              disabled={tags.length >= max}
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={(event) => {
                // Enter that confirms a Chinese IME candidate is not "add".
                if (event.nativeEvent.isComposing) return;
                if (event.key === "Enter" || event.key === "," || event.key === "，") {
                  event.preventDefault();
                  add();
                }
              }}
              data-testid="qe-tag-input"
            />
            <Button variant="secondary" onClick={add} disabled={!draft.trim() || tags.length >= max} data-testid="qe-tag-add">
              {labels.add}
            </Button>
          </div>
          <datalist id={listId}>
            {suggestions.filter((tag) => !tags.includes(tag)).map((tag) => (
              <option key={tag} value={tag} />
            ))}
          </datalist>
        </div>
      )}
    </Field>
  );
}
