"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { Rubric, RubricLimits } from "@/lib/rubric/rubric";

type Level = { id: string; title: string; description: string; points: string };
type Criterion = { id: string; kind: "levels" | "comment"; title: string; description: string; levels: Level[] };

// Ids are made here so that picks and React keys are stable before saving; the server keeps them (homework replaces
// any that clash, peer review refuses duplicates).
const newId = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 10)}`;

const newLevel = (title: string, points: number): Level => ({ id: newId("l"), title, description: "", points: String(points) });

const toState = (rubric: Rubric | null): Criterion[] =>
  (rubric ?? []).map((c) =>
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

/** The most the rubric being edited awards: the best level of every scored criterion (blank points count 0). */
const totalOf = (criteria: Criterion[]): number =>
  criteria.reduce((sum, c) => sum + (c.kind === "levels" ? Math.max(0, ...c.levels.map((l) => Number(l.points) || 0)) : 0), 0);

/**
 * Criteria × levels with descriptors and points, posted as one JSON field `rubric` ("null" while `enabled` is false,
 * for a homework graded by points). Peer review also has comment-only criteria (feedback without a score) and a
 * description per criterion for reviewers. Read-only once grading or reviewing has started.
 */
export function RubricEditor({
  initial,
  limits,
  starterLevels,
  allowComments = false,
  criterionDescriptions = false,
  enabled = true,
  locked,
  lockedNote,
  error,
  onTotal,
}: {
  initial: Rubric | null;
  limits: RubricLimits;
  /** The levels a new criterion starts with. */
  starterLevels: { title: string; points: number }[];
  allowComments?: boolean;
  criterionDescriptions?: boolean;
  enabled?: boolean;
  locked: boolean;
  lockedNote: string;
  error?: string;
  onTotal?: (total: number) => void;
}) {
  const t = useTranslations("common.rubric");
  const [criteria, setCriteria] = useState<Criterion[]>(() => toState(initial));

  const change = (next: Criterion[]) => {
    setCriteria(next);
    onTotal?.(totalOf(next));
  };
  const update = (index: number, patch: Partial<Criterion>) => change(criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const updateLevel = (ci: number, li: number, patch: Partial<Level>) =>
    update(ci, { levels: criteria[ci].levels.map((l, j) => (j === li ? { ...l, ...patch } : l)) });
  const starter = () => starterLevels.map((level) => newLevel(level.title, level.points));
  const addCriterion = (kind: Criterion["kind"]) =>
    change([...criteria, { id: newId("c"), kind, title: "", description: "", levels: kind === "levels" ? starter() : [] }]);

  if (!enabled) return <input type="hidden" name="rubric" value="null" />;
  return (
    <>
      {/* Outside the fieldset: a disabled fieldset's fields are not posted, and a locked rubric is still sent as it is. */}
      <input type="hidden" name="rubric" value={JSON.stringify(toRubric(criteria))} />
      <fieldset data-testid="rubric-editor" disabled={locked} className="space-y-3">
        <legend className="text-sm font-medium text-slate-700">{t("title")}</legend>
        {locked && <p className="text-sm text-amber-700">{lockedNote}</p>}
        {criteria.length === 0 && <p className="text-sm text-slate-500">{t("empty")}</p>}
        {criteria.map((criterion, ci) => (
          <div key={criterion.id} data-testid="rubric-criterion" className="space-y-2 rounded-lg border border-slate-200 p-3">
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-sm font-medium text-slate-600">{t("criterion", { n: ci + 1 })}</span>
              {allowComments && (
                <select
                  aria-label={t("kind")}
                  data-testid="criterion-kind"
                  value={criterion.kind}
                  onChange={(e) => {
                    const kind = e.target.value as Criterion["kind"];
                    update(ci, { kind, levels: kind === "levels" && criterion.levels.length < 2 ? starter() : criterion.levels });
                  }}
                  className="rounded-lg border border-slate-300 bg-white px-2 py-1 text-sm"
                >
                  <option value="levels">{t("kindLevels")}</option>
                  <option value="comment">{t("kindComment")}</option>
                </select>
              )}
              {!locked && (
                <button
                  type="button"
                  data-testid="remove-criterion"
                  onClick={() => change(criteria.filter((_, i) => i !== ci))}
                  disabled={criteria.length <= 1}
                  className="ml-auto min-h-9 rounded-lg px-2 text-sm text-red-600 hover:bg-red-50 disabled:text-slate-300"
                >
                  {t("removeCriterion", { n: ci + 1 })}
                </button>
              )}
            </div>
            <input
              aria-label={t("criterionTitle", { n: ci + 1 })}
              data-testid="criterion-title"
              className={inputClass}
              value={criterion.title}
              maxLength={limits.criterionTitle}
              placeholder={t("criterionTitlePlaceholder")}
              onChange={(e) => update(ci, { title: e.target.value })}
            />
            {criterionDescriptions && (
              <textarea
                aria-label={t("criterionDescription", { n: ci + 1 })}
                data-testid="criterion-description"
                className={inputClass}
                rows={2}
                value={criterion.description}
                maxLength={limits.description}
                placeholder={t("criterionDescriptionPlaceholder")}
                onChange={(e) => update(ci, { description: e.target.value })}
              />
            )}
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
                      maxLength={limits.levelTitle}
                      onChange={(e) => updateLevel(ci, li, { title: e.target.value })}
                    />
                    <input
                      aria-label={t("levelDescriptionOf", { criterion: ci + 1, level: li + 1 })}
                      data-testid="level-description"
                      className={inputClass}
                      value={level.description}
                      maxLength={limits.description}
                      placeholder={t("levelDescriptionPlaceholder")}
                      onChange={(e) => updateLevel(ci, li, { description: e.target.value })}
                    />
                    <input
                      aria-label={t("levelPointsOf", { criterion: ci + 1, level: li + 1 })}
                      data-testid="level-points"
                      className={inputClass}
                      type="number"
                      inputMode="decimal"
                      min={0}
                      max={limits.points}
                      step="any"
                      value={level.points}
                      onChange={(e) => updateLevel(ci, li, { points: e.target.value })}
                    />
                    {!locked && (
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
                    )}
                  </div>
                ))}
                {!locked && (
                  <Button
                    variant="ghost"
                    data-testid="add-level"
                    disabled={criterion.levels.length >= limits.levels}
                    onClick={() => update(ci, { levels: [...criterion.levels, newLevel("", 0)] })}
                  >
                    + {t("addLevel")}
                  </Button>
                )}
              </div>
            )}
          </div>
        ))}
        {!locked && (
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" data-testid="add-criterion" disabled={criteria.length >= limits.criteria} onClick={() => addCriterion("levels")}>
              + {t("addCriterion")}
            </Button>
            {allowComments && (
              <Button variant="secondary" data-testid="add-comment-criterion" disabled={criteria.length >= limits.criteria} onClick={() => addCriterion("comment")}>
                + {t("addCommentCriterion")}
              </Button>
            )}
          </div>
        )}
        {error && (
          <p role="alert" className="text-sm text-red-600">
            {error}
          </p>
        )}
      </fieldset>
    </>
  );
}
