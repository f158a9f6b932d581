"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { RUBRIC_LIMITS, type Rubric } from "@/lib/rubric/rubric";

type Level = { id: string; title: string; description: string; points: string };
type Criterion = { id: string; kind: "levels" | "comment"; title: string; description: string; levels: Level[] };

const newId = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 10)}`;

const newLevel = (title = "", points = 0): Level => ({ id: newId("l"), title, description: "", points: String(points) });

const toState = (rubric: Rubric): Criterion[] =>
  rubric.map((c) =>
    c.kind === "levels"
      ? { id: c.id, kind: "levels", title: c.title, description: c.description, levels: c.levels.map((l) => ({ ...l, points: String(l.points) })) }
      : { id: c.id, kind: "comment", title: c.title, description: c.description, levels: [] },
  );

/** What the server expects (lib/rubric/rubric.ts); points typed as text become numbers ("" stays invalid). */
const toRubric = (criteria: Criterion[]) =>
  criteria.map((c) =>
    c.kind === "levels"
      ? { kind: "levels", id: c.id, title: c.title, description: c.description, levels: c.levels.map((l) => ({ ...l, points: l.points.trim() === "" ? null : Number(l.points) })) }
      : { kind: "comment", id: c.id, title: c.title, description: c.description },
  );

/**
 * Criteria × levels with descriptors and points, or comment-only criteria (feedback without a score). Posted as one
 * JSON field `rubric`; ids are kept so that a renamed level keeps its meaning. Read-only once students assessed.
 */
export function RubricEditor({ initial, locked, errors }: { initial: Rubric; locked: boolean; errors?: string[] }) {
  const t = useTranslations("peer.rubricEditor");
  const tr = useTranslations();
  const [criteria, setCriteria] = useState<Criterion[]>(() => toState(initial));

  const update = (index: number, change: Partial<Criterion>) => setCriteria((all) => all.map((c, i) => (i === index ? { ...c, ...change } : c)));
  const updateLevel = (ci: number, li: number, change: Partial<Level>) =>
    setCriteria((all) => all.map((c, i) => (i === ci ? { ...c, levels: c.levels.map((l, j) => (j === li ? { ...l, ...change } : l)) } : c)));

  return (
    <>
    {/* Outside the fieldset: a disabled fieldset's fields are not posted, and a locked rubric is still sent as it is. */}
    <input type="hidden" name="rubric" value={JSON.stringify(toRubric(criteria))} />
    <fieldset data-testid="rubric-editor" disabled={locked} className="space-y-3">
      <legend className="text-sm font-medium text-slate-700">{t("title")}</legend>
      {locked && <p className="text-sm text-amber-700">{t("locked")}</p>}
      {criteria.map((criterion, ci) => (
        <div key={criterion.id} data-testid="rubric-criterion" className="space-y-2 rounded-lg border border-slate-200 p-3">
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-sm font-medium text-slate-600">{t("criterion", { n: ci + 1 })}</span>
            <select
              aria-label={t("kind")}
              data-testid="criterion-kind"
              value={criterion.kind}
              onChange={(e) => update(ci, { kind: e.target.value as Criterion["kind"], levels: e.target.value === "levels" && criterion.levels.length < 2 ? [newLevel(), newLevel("", 1)] : criterion.levels })}
              className="rounded-lg border border-slate-300 bg-white px-2 py-1 text-sm"
            >
              <option value="levels">{t("kindLevels")}</option>
              <option value="comment">{t("kindComment")}</option>
            </select>
            <button
              type="button"
              data-testid="remove-criterion"
              onClick={() => setCriteria((all) => all.filter((_, i) => i !== ci))}
              disabled={criteria.length <= 1}
              className="ml-auto min-h-9 rounded-lg px-2 text-sm text-red-600 hover:bg-red-50 disabled:text-slate-300"
            >
              {t("removeCriterion", { n: ci + 1 })}
            </button>
          </div>
          <input
            aria-label={t("criterionTitle", { n: ci + 1 })}
            data-testid="criterion-title"
            className={inputClass}
            value={criterion.title}
            maxLength={RUBRIC_LIMITS.title}
            placeholder={t("criterionTitlePlaceholder")}
            onChange={(e) => update(ci, { title: e.target.value })}
          />
          <textarea
            aria-label={t("criterionDescription", { n: ci + 1 })}
            data-testid="criterion-description"
            className={inputClass}
            rows={2}
            value={criterion.description}
            maxLength={RUBRIC_LIMITS.description}
            placeholder={t("criterionDescriptionPlaceholder")}
            onChange={(e) => update(ci, { description: e.target.value })}
          />
          {criterion.kind === "levels" && (
            <div className="space-y-2">
              <div className="hidden grid-cols-[1fr_2fr_5rem_auto] gap-2 text-xs text-slate-500 sm:grid">
                <span>{t("levelTitle")}</span>
                <span>{t("levelDescription")}</span>
                <span>{t("levelPoints")}</span>
                <span />
              </div>
              {criterion.levels.map((level, li) => (
                <div key={level.id} data-testid="rubric-level" className="grid gap-2 sm:grid-cols-[1fr_2fr_5rem_auto]">
                  <input
                    aria-label={t("levelTitleOf", { criterion: ci + 1, level: li + 1 })}
                    data-testid="level-title"
                    className={inputClass}
                    value={level.title}
                    maxLength={RUBRIC_LIMITS.title}
                    onChange={(e) => updateLevel(ci, li, { title: e.target.value })}
                  />
                  <input
                    aria-label={t("levelDescriptionOf", { criterion: ci + 1, level: li + 1 })}
                    data-testid="level-description"
                    className={inputClass}
                    value={level.description}
                    maxLength={RUBRIC_LIMITS.description}
                    onChange={(e) => updateLevel(ci, li, { description: e.target.value })}
                  />
                  <input
                    aria-label={t("levelPointsOf", { criterion: ci + 1, level: li + 1 })}
                    data-testid="level-points"
                    className={inputClass}
                    type="number"
                    min={0}
                    max={RUBRIC_LIMITS.points}
                    step="any"
                    value={level.points}
                    onChange={(e) => updateLevel(ci, li, { points: e.target.value })}
                  />
                  <button
                    type="button"
                    data-testid="remove-level"
                    onClick={() => update(ci, { levels: criterion.levels.filter((_, j) => j !== li) })}
                    disabled={criterion.levels.length <= 2}
                    aria-label={t("removeLevel", { criterion: ci + 1, level: li + 1 })}
                    className="min-h-9 rounded-lg px-2 text-sm text-red-600 hover:bg-red-50 disabled:text-slate-300"
                  >
                    ×
                  </button>
                </div>
              ))}
              <Button
                variant="ghost"
                data-testid="add-level"
                disabled={criterion.levels.length >= RUBRIC_LIMITS.levels}
                onClick={() => update(ci, { levels: [...criterion.levels, newLevel("", criterion.levels.length)] })}
              >
                + {t("addLevel")}
              </Button>
            </div>
          )}
        </div>
      ))}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          data-testid="add-criterion"
          disabled={criteria.length >= RUBRIC_LIMITS.criteria}
          onClick={() => setCriteria((all) => [...all, { id: newId("c"), kind: "levels", title: "", description: "", levels: [newLevel("", 0), newLevel("", 1), newLevel("", 2)] }])}
        >
          + {t("addCriterion")}
        </Button>
        <Button
          variant="secondary"
          data-testid="add-comment-criterion"
          disabled={criteria.length >= RUBRIC_LIMITS.criteria}
          onClick={() => setCriteria((all) => [...all, { id: newId("c"), kind: "comment", title: "", description: "", levels: [] }])}
        >
          + {t("addCommentCriterion")}
        </Button>
      </div>
      {!!errors?.length && <p className="text-sm text-red-600">{errors.map((key) => tr(key as never)).join(" ")}</p>}
    </fieldset>
    </>
  );
}
