"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { Rubric } from "@/lib/homework/rubric";
import { HOMEWORK_LIMITS } from "@/lib/homework/schemas";

interface LevelDraft {
  key: number;
  id?: string;
  title: string;
  description: string;
  points: string;
}

interface CriterionDraft {
  key: number;
  id?: string;
  title: string;
  levels: LevelDraft[];
}

let nextKey = 0;
const key = () => ++nextKey;

const draftOf = (rubric: Rubric | null): CriterionDraft[] =>
  (rubric ?? []).map((criterion) => ({
    key: key(),
    id: criterion.id,
    title: criterion.title,
    levels: criterion.levels.map((level) => ({ key: key(), id: level.id, title: level.title, description: level.description, points: String(level.points) })),
  }));

const newCriterion = (levelTitles: string[]): CriterionDraft => ({
  key: key(),
  title: "",
  levels: levelTitles.map((title, i) => ({ key: key(), title, description: "", points: String(Math.max(0, 10 - 5 * i)) })),
});

/** The rubric as the form posts it: ids kept so that a renamed criterion keeps its grades; points as numbers. */
const serialize = (criteria: CriterionDraft[]) =>
  JSON.stringify(
    criteria.map((criterion) => ({
      ...(criterion.id && { id: criterion.id }),
      title: criterion.title,
      levels: criterion.levels.map((level) => ({
        ...(level.id && { id: level.id }),
        title: level.title,
        description: level.description,
        points: level.points.trim() === "" ? null : Number(level.points),
      })),
    })),
  );

export const rubricTotal = (criteria: { levels: { points: string }[] }[]): number =>
  criteria.reduce((sum, criterion) => sum + Math.max(0, ...criterion.levels.map((level) => Number(level.points) || 0)), 0);

/**
 * Criteria × levels with points, posted as one JSON field `rubric` ("null" when off). The possible points of the
 * homework become the sum of each criterion's best level. Locked (read-only) once grading has started.
 */
export function RubricEditor({ initial, enabled, locked, errors, onTotal }: {
  initial: Rubric | null;
  enabled: boolean;
  locked: boolean;
  errors: boolean;
  onTotal: (total: number) => void;
}) {
  const t = useTranslations("homework.rubric");
  const [criteria, setCriteria] = useState<CriterionDraft[]>(() => draftOf(initial));
  const defaultLevels = [t("defaultLevelA"), t("defaultLevelB"), t("defaultLevelC")];

  const update = (next: CriterionDraft[]) => {
    setCriteria(next);
    onTotal(rubricTotal(next));
  };
  const changeCriterion = (index: number, change: Partial<CriterionDraft>) =>
    update(criteria.map((criterion, i) => (i === index ? { ...criterion, ...change } : criterion)));
  const changeLevel = (ci: number, li: number, change: Partial<LevelDraft>) =>
    changeCriterion(ci, { levels: criteria[ci].levels.map((level, i) => (i === li ? { ...level, ...change } : level)) });

  if (!enabled) return <input type="hidden" name="rubric" value="null" />;
  const shown = criteria.length ? criteria : [];
  return (
    <div data-testid="rubric-editor" className="space-y-3">
      <input type="hidden" name="rubric" value={serialize(shown)} />
      {locked && <p className="text-sm text-amber-700">{t("locked")}</p>}
      {errors && (
        <p role="alert" className="text-sm text-red-600">
          {t("invalid")}
        </p>
      )}
      {shown.length === 0 && <p className="text-sm text-slate-500">{t("empty")}</p>}
      {shown.map((criterion, ci) => (
        <fieldset key={criterion.key} data-testid="rubric-criterion" className="space-y-2 rounded-lg border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">{t("criterion", { n: ci + 1 })}</legend>
          <div className="flex gap-2">
            <input
              aria-label={t("criterionTitle", { n: ci + 1 })}
              data-testid="rubric-criterion-title"
              className={inputClass}
              value={criterion.title}
              maxLength={HOMEWORK_LIMITS.criterionTitle}
              placeholder={t("criterionPlaceholder")}
              disabled={locked}
              onChange={(event) => changeCriterion(ci, { title: event.target.value })}
            />
            {!locked && (
              <Button variant="ghost" aria-label={t("removeCriterion", { n: ci + 1 })} onClick={() => update(criteria.filter((_, i) => i !== ci))}>
                ✕
              </Button>
            )}
          </div>
          <ul className="space-y-2">
            {criterion.levels.map((level, li) => (
              <li key={level.key} className="grid grid-cols-[1fr_5rem_auto] gap-2 sm:grid-cols-[10rem_1fr_5rem_auto]">
                <input
                  aria-label={t("levelTitle", { n: li + 1 })}
                  data-testid="rubric-level-title"
                  className={inputClass}
                  value={level.title}
                  maxLength={HOMEWORK_LIMITS.levelTitle}
                  disabled={locked}
                  onChange={(event) => changeLevel(ci, li, { title: event.target.value })}
                />
                <input
                  aria-label={t("levelDescription", { n: li + 1 })}
                  className={`${inputClass} order-last col-span-3 sm:order-none sm:col-span-1`}
                  value={level.description}
                  maxLength={HOMEWORK_LIMITS.levelDescription}
                  placeholder={t("descriptionPlaceholder")}
                  disabled={locked}
                  onChange={(event) => changeLevel(ci, li, { description: event.target.value })}
                />
                <input
                  aria-label={t("levelPoints", { n: li + 1 })}
                  data-testid="rubric-level-points"
                  className={inputClass}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  step="0.5"
                  value={level.points}
                  disabled={locked}
                  onChange={(event) => changeLevel(ci, li, { points: event.target.value })}
                />
                {!locked && criterion.levels.length > 2 ? (
                  <Button variant="ghost" aria-label={t("removeLevel", { n: li + 1 })} onClick={() => changeCriterion(ci, { levels: criterion.levels.filter((_, i) => i !== li) })}>
                    ✕
                  </Button>
                ) : (
                  <span />
                )}
              </li>
            ))}
          </ul>
          {!locked && criterion.levels.length < HOMEWORK_LIMITS.levels && (
            <Button
              variant="ghost"
              onClick={() => changeCriterion(ci, { levels: [...criterion.levels, { key: key(), title: "", description: "", points: "0" }] })}
            >
              + {t("addLevel")}
            </Button>
          )}
        </fieldset>
      ))}
      {!locked && shown.length < HOMEWORK_LIMITS.criteria && (
        <Button variant="secondary" data-testid="rubric-add-criterion" onClick={() => update([...criteria, newCriterion(defaultLevels)])}>
          + {t("addCriterion")}
        </Button>
      )}
    </div>
  );
}
