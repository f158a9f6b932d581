"use client";
import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/field";
import { commentFieldOf, levelFieldOf, PEER_LIMITS } from "@/lib/peer/schemas";
import type { Rubric } from "@/lib/rubric/rubric";

/**
 * The rubric as a form: for each scored criterion a radio group of its levels (whole cards are tap targets, with
 * descriptor and points), and a comment box for every criterion. Posts `level.<id>` and `comment.<id>`.
 */
export function RubricFields({ rubric, initial, missing = [], disabled = false }: {
  rubric: Rubric;
  initial: { levels: Record<string, string>; comments: Record<string, string> } | null;
  /** Criteria left without a level in the last attempt to submit. */
  missing?: string[];
  disabled?: boolean;
}) {
  const t = useTranslations("peer.assess");
  return (
    <div className="space-y-4">
      {rubric.map((criterion, ci) => (
        <fieldset
          key={criterion.id}
          data-testid={`rubric-criterion-${ci}`}
          disabled={disabled}
          aria-invalid={missing.includes(criterion.id)}
          className={`space-y-2 rounded-lg border p-3 ${missing.includes(criterion.id) ? "border-red-400 bg-red-50/50" : "border-slate-200"}`}
        >
          <legend className="px-1 text-sm font-semibold text-slate-800">
            {ci + 1}. {criterion.title}
            {criterion.kind === "comment" && <span className="ml-1 text-xs font-normal text-slate-500">{t("commentOnly")}</span>}
          </legend>
          {criterion.description && <p className="text-xs text-slate-600">{criterion.description}</p>}
          {criterion.kind === "levels" && (
            <div className="grid gap-1.5">
              {criterion.levels.map((level, li) => (
                <label key={level.id} data-testid={`level-${ci}-${li}`} className="cursor-pointer">
                  <input
                    type="radio"
                    name={levelFieldOf(criterion.id)}
                    value={level.id}
                    defaultChecked={initial?.levels[criterion.id] === level.id}
                    className="peer sr-only"
                  />
                  <span className="flex min-h-12 items-start gap-2 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm peer-checked:border-brand-600 peer-checked:bg-brand-50 peer-checked:ring-1 peer-checked:ring-brand-600 peer-focus-visible:ring-2 peer-focus-visible:ring-brand-300">
                    <span className="min-w-0 flex-1">
                      <span className="font-medium">{level.title}</span>
                      {level.description && <span className="block text-xs text-slate-600">{level.description}</span>}
                    </span>
                    <span className="shrink-0 text-xs font-medium text-slate-600">{t("points", { points: level.points })}</span>
                  </span>
                </label>
              ))}
            </div>
          )}
          <textarea
            aria-label={t("commentFor", { title: criterion.title })}
            data-testid={`comment-${ci}`}
            name={commentFieldOf(criterion.id)}
            rows={2}
            maxLength={PEER_LIMITS.comment}
            defaultValue={initial?.comments[criterion.id] ?? ""}
            placeholder={t("commentPlaceholder")}
            className={inputClass}
          />
        </fieldset>
      ))}
    </div>
  );
}
