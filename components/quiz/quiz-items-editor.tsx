"use client";
import { useTranslations } from "next-intl";
import { type FormEvent, useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import type { QuestionType } from "@/generated/prisma/client";
import { searchBankAction, setQuizItemsAction } from "@/lib/quiz/actions";
import type { BankQuestionRow } from "@/lib/quiz/bank-questions";
import { QUIZ_LIMITS } from "@/lib/quiz/schemas";

const TYPES: QuestionType[] = ["SINGLE", "MULTIPLE", "TRUE_FALSE", "FILL_IN", "SHORT_ANSWER"];
const DIFFICULTIES = [1, 2, 3, 4, 5];

type Item = BankQuestionRow & { points: number };
interface Draw {
  tag: string | null;
  difficulty: number | null;
  count: number;
  points: number;
  /** Known for saved draws: how many bank questions match. */
  available?: number;
}

/**
 * The quiz's questions: picked from the course bank (and the department's shared questions) with a filter, put in
 * order with their points, plus random draws by tag and/or difficulty. Saved as a whole; read-only once published.
 */
export function QuizItemsEditor({ courseId, quizId, initialItems, initialDraws, tags, locked }: {
  courseId: string;
  quizId: string;
  initialItems: Item[];
  initialDraws: Draw[];
  tags: string[];
  locked: boolean;
}) {
  const t = useTranslations("quiz.items");
  const [items, setItems] = useState(initialItems);
  const [draws, setDraws] = useState(initialDraws);
  const { state, formAction, pending, onSubmit } = useFormAction(setQuizItemsAction);
  const shortDraw = state && !state.ok && state.code === "quiz.not_enough_questions" ? Number(state.details?.draw) - 1 : -1;
  const total = items.reduce((sum, item) => sum + item.points, 0) + draws.reduce((sum, draw) => sum + draw.points * draw.count, 0);
  const count = items.length + draws.reduce((sum, draw) => sum + draw.count, 0);

  const move = (index: number, by: -1 | 1) =>
    setItems((list) => {
      const next = [...list];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });
  const setPoints = (index: number, points: number) => setItems((list) => list.map((item, i) => (i === index ? { ...item, points } : item)));
  const setDraw = (index: number, patch: Partial<Draw>) =>
    setDraws((list) => list.map((draw, i) => (i === index ? { ...draw, ...patch, available: undefined } : draw)));

  return (
    <Card title={t("title")} actions={<span className="text-sm text-slate-600" data-testid="quiz-total">{t("total", { count, points: Math.round(total * 100) / 100 })}</span>}>
      {locked && <p className="mb-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("locked")}</p>}
      <ol className="space-y-2" data-testid="quiz-items">
        {items.map((item, index) => (
          <li key={item.id} className="flex flex-wrap items-start gap-2 rounded-lg border border-slate-200 p-2" data-testid="quiz-item">
            <span className="w-6 shrink-0 pt-1 text-right text-sm text-slate-500">{index + 1}.</span>
            <div className="min-w-0 flex-1">
              <p className="text-sm">{item.stem}</p>
              <QuestionMeta item={item} />
            </div>
            <label className="flex items-center gap-1 text-sm">
              <span className="sr-only">{t("points")}</span>
              <input
                type="number"
                min={0.5}
                step={0.5}
                max={QUIZ_LIMITS.points}
                value={item.points}
                disabled={locked}
                onChange={(event) => setPoints(index, Number(event.target.value))}
                className={`${inputClass} w-20`}
                data-testid="quiz-item-points"
              />
              {t("pointsUnit")}
            </label>
            {!locked && (
              <div className="flex gap-1">
                <Button variant="ghost" className="px-2" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t("moveUp")}>
                  ↑
                </Button>
                <Button variant="ghost" className="px-2" disabled={index === items.length - 1} onClick={() => move(index, 1)} aria-label={t("moveDown")}>
                  ↓
                </Button>
                <Button variant="ghost" className="px-2 text-red-700" onClick={() => setItems((list) => list.filter((_, i) => i !== index))} data-testid="quiz-item-remove">
                  {t("remove")}
                </Button>
              </div>
            )}
          </li>
        ))}
        {!items.length && <li className="text-sm text-slate-500">{t("noItems")}</li>}
      </ol>

      <h3 className="mb-2 mt-5 text-sm font-semibold">{t("draws")}</h3>
      <p className="mb-2 text-xs text-slate-500">{t("drawsHint")}</p>
      <ul className="space-y-2" data-testid="quiz-draws">
        {draws.map((draw, index) => (
          <li
            key={index}
            className={`grid grid-cols-2 gap-2 rounded-lg border p-2 sm:grid-cols-[2fr_1fr_1fr_1fr_auto] ${index === shortDraw ? "border-red-400 bg-red-50" : "border-slate-200"}`}
            data-testid="quiz-draw"
          >
            <select aria-label={t("drawTag")} className={inputClass} value={draw.tag ?? ""} disabled={locked} onChange={(e) => setDraw(index, { tag: e.target.value || null })} data-testid="quiz-draw-tag">
              <option value="">{t("anyTag")}</option>
              {tags.map((tag) => (
                <option key={tag} value={tag}>
                  {tag}
                </option>
              ))}
            </select>
            <select
              aria-label={t("drawDifficulty")}
              className={inputClass}
              value={draw.difficulty ?? ""}
              disabled={locked}
              onChange={(e) => setDraw(index, { difficulty: e.target.value ? Number(e.target.value) : null })}
              data-testid="quiz-draw-difficulty"
            >
              <option value="">{t("anyDifficulty")}</option>
              {DIFFICULTIES.map((d) => (
                <option key={d} value={d}>
                  {t("difficulty", { level: d })}
                </option>
              ))}
            </select>
            <label className="flex items-center gap-1 text-sm">
              <input type="number" min={1} max={QUIZ_LIMITS.drawCount} value={draw.count} disabled={locked} onChange={(e) => setDraw(index, { count: Number(e.target.value) })} className={inputClass} data-testid="quiz-draw-count" />
              {t("countUnit")}
            </label>
            <label className="flex items-center gap-1 text-sm">
              <input type="number" min={0.5} step={0.5} max={QUIZ_LIMITS.points} value={draw.points} disabled={locked} onChange={(e) => setDraw(index, { points: Number(e.target.value) })} className={inputClass} />
              {t("pointsEach")}
            </label>
            <div className="flex items-center gap-2">
              {draw.available !== undefined && <span className="text-xs text-slate-500">{t("available", { count: draw.available })}</span>}
              {!locked && (
                <Button variant="ghost" className="px-2 text-red-700" onClick={() => setDraws((list) => list.filter((_, i) => i !== index))}>
                  {t("remove")}
                </Button>
              )}
            </div>
            {index === shortDraw && <p className="col-span-full text-sm text-red-700">{t("drawShort", { missing: Number(state && !state.ok ? state.details?.missing : 0) })}</p>}
          </li>
        ))}
      </ul>
      {!locked && (
        <Button variant="secondary" className="mt-2" onClick={() => setDraws((list) => [...list, { tag: null, difficulty: null, count: 5, points: 1 }])} data-testid="quiz-draw-add">
          + {t("addDraw")}
        </Button>
      )}

      {!locked && (
        <form action={formAction} onSubmit={onSubmit} noValidate className="mt-4 space-y-2 border-t border-slate-100 pt-4">
          <input type="hidden" name="quizId" value={quizId} />
          <input type="hidden" name="questions" value={JSON.stringify(items.map((item) => ({ questionId: item.id, points: item.points })))} />
          <input type="hidden" name="draws" value={JSON.stringify(draws.map(({ tag, difficulty, count, points }) => ({ tag, difficulty, count, points })))} />
          <FormAlert state={state} success={t("saved")} />
          <Button type="submit" disabled={pending} data-testid="quiz-items-save" className="w-full sm:w-auto">
            {t("save")}
          </Button>
        </form>
      )}

      {!locked && (
        <QuestionPicker
          courseId={courseId}
          tags={tags}
          chosen={new Set(items.map((item) => item.id))}
          onAdd={(row) => setItems((list) => [...list, { ...row, points: 1 }])}
        />
      )}
    </Card>
  );
}

function QuestionMeta({ item }: { item: BankQuestionRow }) {
  const t = useTranslations("quiz.items");
  const tType = useTranslations("quiz.types");
  return (
    <div className="mt-1 flex flex-wrap gap-1">
      <Badge tone="blue">{tType(item.type)}</Badge>
      <Badge>{t("difficulty", { level: item.difficulty })}</Badge>
      {item.inCase && <Badge tone="amber">{t("inCase")}</Badge>}
      {item.fromCourse && <Badge tone="green">{t("sharedFrom", { course: item.fromCourse })}</Badge>}
      {item.tags.map((tag) => (
        <Badge key={tag}>{tag}</Badge>
      ))}
    </div>
  );
}

/** Searches the bank by tag, type, difficulty and text; each result can be added once. */
function QuestionPicker({ courseId, tags, chosen, onAdd }: {
  courseId: string;
  tags: string[];
  chosen: Set<string>;
  onAdd: (row: BankQuestionRow) => void;
}) {
  const t = useTranslations("quiz.items");
  const tType = useTranslations("quiz.types");
  const tAll = useTranslations();
  const [rows, setRows] = useState<BankQuestionRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [searching, startSearch] = useTransition();

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => (form.get(name) as string) || undefined;
    startSearch(async () => {
      const result = await searchBankAction({
        courseId,
        filter: { tag: value("tag"), type: value("type"), difficulty: value("difficulty"), text: value("text") },
      });
      if (result.ok) {
        setRows(result.data);
        setError(null);
      } else setError(tAll(`errors.${result.code}` as never));
    });
  }

  return (
    <section className="mt-5 border-t border-slate-100 pt-4" aria-label={t("picker")}>
      <h3 className="mb-2 text-sm font-semibold">{t("picker")}</h3>
      <form onSubmit={search} className="grid grid-cols-2 gap-2 sm:grid-cols-5" data-testid="bank-filter">
        <select name="tag" aria-label={t("filterTag")} className={inputClass} defaultValue="">
          <option value="">{t("anyTag")}</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
        <select name="type" aria-label={t("filterType")} className={inputClass} defaultValue="">
          <option value="">{t("anyType")}</option>
          {TYPES.map((type) => (
            <option key={type} value={type}>
              {tType(type)}
            </option>
          ))}
        </select>
        <select name="difficulty" aria-label={t("filterDifficulty")} className={inputClass} defaultValue="">
          <option value="">{t("anyDifficulty")}</option>
          {DIFFICULTIES.map((d) => (
            <option key={d} value={d}>
              {t("difficulty", { level: d })}
            </option>
          ))}
        </select>
        <input name="text" type="search" aria-label={t("filterText")} placeholder={t("filterText")} className={inputClass} />
        <Button type="submit" variant="secondary" disabled={searching} data-testid="bank-search">
          {t("search")}
        </Button>
      </form>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
      {rows && (
        <ul className="mt-3 max-h-[28rem] space-y-2 overflow-y-auto" data-testid="bank-results">
          {rows.map((row) => (
            <li key={row.id} className="flex items-start gap-2 rounded-lg border border-slate-200 p-2">
              <div className="min-w-0 flex-1">
                <p className="text-sm">{row.stem}</p>
                <QuestionMeta item={row} />
              </div>
              <Button variant="secondary" className="px-3" disabled={chosen.has(row.id)} onClick={() => onAdd(row)} data-testid="bank-add">
                {chosen.has(row.id) ? t("added") : t("add")}
              </Button>
            </li>
          ))}
          {!rows.length && <li className="text-sm text-slate-500">{t("noResults")}</li>}
        </ul>
      )}
    </section>
  );
}
