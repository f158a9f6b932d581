"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { Markdown } from "@/components/markdown";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { ErrorCode } from "@/lib/errors";
import type { QuestionResponse } from "@/lib/qbank/question-shapes";
import { saveAnswerAction, submitAttemptAction } from "@/lib/quiz/actions";
import { studentQuizPath } from "@/lib/quiz/paths";
import type { StudentQuestionView } from "@/lib/quiz/student-views";
import { positionalLabel } from "./option-label";

type SaveStatus = "idle" | "saving" | "saved" | "error";

interface Answer {
  response: QuestionResponse | null;
  confidence: number | null;
}

/** Typing is saved after a short pause (and on leaving the field); choices are saved at once. */
const TEXT_SAVE_DELAY_MS = 800;
/** Codes after which the attempt is over; the quiz page shows the result. */
const FINISHED: readonly ErrorCode[] = ["quiz.time_up", "quiz.attempt_submitted"];

const isAnswered = (response: QuestionResponse | null) =>
  !!response && response.some((value) => (typeof value === "string" ? value.trim() !== "" : true));

/**
 * Taking a quiz on the phone: all questions on one scrollable page with a navigator, each answer saved to the server
 * as it changes ("已保存"), a countdown to the server's deadline, and an automatic submit when it reaches zero (the
 * server submits at the deadline as well, so closing the page changes nothing). A reload shows the saved answers.
 */
export function AttemptRunner({ quizId, attemptId, title, confidenceMarking, deadlineAt, serverNow, questions }: {
  quizId: string;
  attemptId: string;
  title: string;
  confidenceMarking: boolean;
  /** ISO instants from the server. */
  deadlineAt: string | null;
  serverNow: string;
  questions: StudentQuestionView[];
}) {
  const t = useTranslations("quiz.attempt");
  const tAll = useTranslations();
  const router = useRouter();
  const [answers, setAnswers] = useState<Record<string, Answer>>(() =>
    Object.fromEntries(questions.map((q) => [q.questionId, { response: q.response, confidence: q.confidence }])),
  );
  const [status, setStatus] = useState<Record<string, SaveStatus>>(() =>
    Object.fromEntries(questions.map((q) => [q.questionId, q.saved ? "saved" : "idle"])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [showNavigator, setShowNavigator] = useState(false);

  // The latest answer per question and one save chain per question, so saves reach the server in order and the
  // last one carries the latest answer.
  const latest = useRef(answers);
  const chains = useRef(new Map<string, Promise<void>>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const finished = useRef(false);

  const leave = useCallback(() => {
    finished.current = true;
    router.replace(studentQuizPath(quizId));
    router.refresh();
  }, [router, quizId]);

  const save = useCallback(
    (questionId: string) => {
      const timer = timers.current.get(questionId);
      if (timer) clearTimeout(timer);
      timers.current.delete(questionId);
      const previous = chains.current.get(questionId) ?? Promise.resolve();
      const next = previous.then(async () => {
        if (finished.current) return;
        const answer = latest.current[questionId];
        setStatus((s) => ({ ...s, [questionId]: "saving" }));
        try {
          const result = await saveAnswerAction({ attemptId, questionId, response: answer.response ?? [], confidence: answer.confidence });
          if (result.ok) {
            setStatus((s) => ({ ...s, [questionId]: latest.current[questionId] === answer ? "saved" : s[questionId] }));
            setErrors((e) => {
              const next = { ...e };
              delete next[questionId];
              return next;
            });
            return;
          }
          if (FINISHED.includes(result.code)) return leave();
          setStatus((s) => ({ ...s, [questionId]: "error" }));
          setErrors((e) => ({ ...e, [questionId]: tAll(`errors.${result.code}` as never) }));
        } catch {
          setStatus((s) => ({ ...s, [questionId]: "error" }));
          setErrors((e) => ({ ...e, [questionId]: t("offline") }));
        }
      });
      chains.current.set(questionId, next);
      return next;
    },
    [attemptId, leave, t, tAll],
  );

  const change = (questionId: string, patch: Partial<Answer>, delay = 0) => {
    const answer = { ...latest.current[questionId], ...patch };
    latest.current = { ...latest.current, [questionId]: answer };
    setAnswers(latest.current);
    setStatus((s) => ({ ...s, [questionId]: "saving" }));
    const timer = timers.current.get(questionId);
    if (timer) clearTimeout(timer);
    if (delay) timers.current.set(questionId, setTimeout(() => void save(questionId), delay));
    else void save(questionId);
  };

  /** Sends every answer still waiting for its pause, and waits for all saves in flight. */
  const flush = useCallback(async () => {
    for (const questionId of [...timers.current.keys()]) void save(questionId);
    await Promise.all(chains.current.values());
  }, [save]);

  const submittingNow = useRef(false);
  const submit = useCallback(async () => {
    if (finished.current || submittingNow.current) return;
    submittingNow.current = true;
    setSubmitting(true);
    setSubmitError(null);
    await flush();
    try {
      const result = await submitAttemptAction({ attemptId });
      if (result.ok || FINISHED.includes(result.code)) return leave();
      setSubmitError(tAll(`errors.${result.code}` as never));
    } catch {
      setSubmitError(t("offline"));
    }
    submittingNow.current = false;
    setSubmitting(false);
  }, [attemptId, flush, leave, t, tAll]);

  // ── countdown from the server's deadline, corrected for the difference between the two clocks ──
  const offset = useRef(0);
  const remainingMs = useCallback(() => (deadlineAt ? new Date(deadlineAt).getTime() - (Date.now() + offset.current) : null), [deadlineAt]);
  // Unknown until mounted: the server's render and the browser's first paint would disagree on the seconds.
  const [remaining, setRemaining] = useState<number | null>(null);
  useEffect(() => {
    if (!deadlineAt) return;
    offset.current = new Date(serverNow).getTime() - Date.now();
    const tick = () => {
      const left = remainingMs();
      setRemaining(left);
      if (left !== null && left <= 0) void submit();
    };
    tick();
    const interval = setInterval(tick, 1000);
    return () => clearInterval(interval);
  }, [deadlineAt, serverNow, remainingMs, submit]);

  // Warn before leaving with an answer not yet on the server.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!finished.current && Object.values(status).some((s) => s === "saving" || s === "error")) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [status]);

  const answeredCount = questions.filter((q) => isAnswered(answers[q.questionId].response)).length;
  const allSaved = Object.values(status).every((s) => s === "saved" || s === "idle");

  function confirmSubmit() {
    const unanswered = questions.length - answeredCount;
    if (window.confirm(unanswered ? t("confirmSubmitUnanswered", { count: unanswered }) : t("confirmSubmit"))) void submit();
  }

  return (
    <div className="pb-40">
      <h1 className="mb-3 text-lg font-semibold">{title}</h1>
      {confidenceMarking && <p className="mb-3 rounded-lg bg-sky-50 px-3 py-2 text-sm text-sky-900">{t("cbmExplain")}</p>}

      <ol className="space-y-4">
        {questions.map((q, index) => (
          <li key={q.questionId} id={`q-${index + 1}`} className="scroll-mt-28" data-testid="attempt-question">
            {q.vignette && (
              <div className="mb-2 rounded-xl border border-amber-200 bg-amber-50 p-3" data-testid="attempt-vignette">
                <p className="mb-1 text-xs font-medium text-amber-900">{t("vignette")}</p>
                <Markdown source={q.vignette} className="text-sm" />
              </div>
            )}
            <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <header className="mb-2 flex items-start justify-between gap-2 text-sm">
                <span className="font-medium text-brand-700">
                  {t("questionNumber", { number: index + 1 })} · {t(`type.${q.type}`)}
                </span>
                <span className="shrink-0 text-xs text-slate-500">{t("points", { points: q.points })}</span>
              </header>
              <Markdown source={q.stem} className="mb-3" />
              <QuestionInput
                question={q}
                answer={answers[q.questionId]}
                onChange={(response, typing) => change(q.questionId, { response }, typing ? TEXT_SAVE_DELAY_MS : 0)}
                onBlur={() => timers.current.has(q.questionId) && void save(q.questionId)}
              />
              {confidenceMarking && q.type !== "SHORT_ANSWER" && (
                <fieldset className="mt-3">
                  <legend className="mb-1 text-xs text-slate-600">{t("confidence")}</legend>
                  <div className="grid grid-cols-3 gap-2">
                    {[1, 2, 3].map((level) => (
                      <label
                        key={level}
                        className={`flex min-h-10 items-center justify-center rounded-lg border px-2 text-center text-xs ${
                          answers[q.questionId].confidence === level ? "border-brand-600 bg-brand-50 font-medium" : "border-slate-300"
                        }`}
                      >
                        <input
                          type="radio"
                          className="sr-only"
                          name={`confidence-${q.questionId}`}
                          checked={answers[q.questionId].confidence === level}
                          onChange={() => change(q.questionId, { confidence: level })}
                          data-testid={`attempt-confidence-${level}`}
                        />
                        {t(`confidenceLevel.${level}`)}
                      </label>
                    ))}
                  </div>
                </fieldset>
              )}
              <p className="mt-2 text-right text-xs" aria-live="polite" data-testid="attempt-save-status">
                {status[q.questionId] === "saved" && <span className="text-emerald-700">✓ {t("saved")}</span>}
                {status[q.questionId] === "saving" && <span className="text-slate-500">{t("saving")}</span>}
                {status[q.questionId] === "error" && (
                  <span className="text-red-700">
                    {errors[q.questionId]}{" "}
                    <button type="button" className="underline" onClick={() => void save(q.questionId)}>
                      {t("retry")}
                    </button>
                  </span>
                )}
              </p>
            </section>
          </li>
        ))}
      </ol>

      {/* The page header is sticky at the top; the clock, progress, navigator and submit sit at the bottom, by the thumb. */}
      <div className="fixed inset-x-0 bottom-0 z-10 border-t border-slate-200 bg-white/95 px-4 py-2 backdrop-blur">
        <div className="mx-auto max-w-3xl space-y-2">
          {showNavigator && (
            <nav aria-label={t("navigator")} className="grid max-h-48 grid-cols-8 gap-1.5 overflow-y-auto" data-testid="attempt-navigator">
              {questions.map((q, i) => (
                <a
                  key={q.questionId}
                  href={`#q-${i + 1}`}
                  onClick={() => setShowNavigator(false)}
                  className={`flex h-9 items-center justify-center rounded-md border text-sm ${
                    isAnswered(answers[q.questionId].response) ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white"
                  } ${status[q.questionId] === "error" ? "ring-2 ring-red-500" : ""}`}
                >
                  {i + 1}
                </a>
              ))}
            </nav>
          )}
          <div className="flex items-center justify-between gap-2">
            <button
              type="button"
              className="min-h-10 text-left text-sm"
              aria-expanded={showNavigator}
              onClick={() => setShowNavigator((v) => !v)}
              data-testid="attempt-navigator-toggle"
            >
              <span className="block text-brand-700">{showNavigator ? t("hideNavigator") : t("showNavigator")}</span>
              <span className="block text-xs text-slate-600" data-testid="attempt-progress">
                {t("progress", { answered: answeredCount, total: questions.length })} ·{" "}
                <span data-testid="attempt-saved-state">{allSaved ? t("allSaved") : t("saving")}</span>
              </span>
            </button>
            {deadlineAt && <Countdown ms={remaining} label={t("timeLeft")} />}
          </div>
          {submitError && (
            <p role="alert" className="text-sm text-red-700">
              {submitError}
            </p>
          )}
          <Button className="min-h-12 w-full text-base" disabled={submitting} onClick={confirmSubmit} data-testid="attempt-submit">
            {submitting ? t("submitting") : t("submit")}
          </Button>
        </div>
      </div>
    </div>
  );
}

function Countdown({ ms, label }: { ms: number | null; label: string }) {
  if (ms === null) {
    return (
      <div role="timer" aria-label={label} className="shrink-0 rounded-lg bg-slate-100 px-2 py-1 font-mono text-lg" data-testid="attempt-countdown">
        --:--
      </div>
    );
  }
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    <div
      role="timer"
      aria-label={label}
      className={`shrink-0 rounded-lg px-2 py-1 font-mono text-lg tabular-nums ${total <= 60 ? "bg-red-100 text-red-700" : total <= 300 ? "bg-amber-100 text-amber-900" : "bg-slate-100"}`}
      data-testid="attempt-countdown"
    >
      {hours > 0 && `${hours}:`}
      {pad(minutes)}:{pad(seconds)}
    </div>
  );
}

/** The input for one question type; `typing` asks for the delayed save. */
function QuestionInput({ question, answer, onChange, onBlur }: {
  question: StudentQuestionView;
  answer: Answer;
  onChange: (response: QuestionResponse, typing: boolean) => void;
  onBlur: () => void;
}) {
  const t = useTranslations("quiz.attempt");
  const response = answer.response ?? [];
  const name = `answer-${question.questionId}`;
  const choiceClass = (checked: boolean) =>
    `flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border px-3 py-2 text-sm ${checked ? "border-brand-600 bg-brand-50" : "border-slate-200"}`;

  switch (question.type) {
    case "SINGLE":
    case "MULTIPLE": {
      const picked = response as string[];
      const multiple = question.type === "MULTIPLE";
      return (
        <div role={multiple ? "group" : "radiogroup"} className="space-y-2">
          {multiple && <p className="text-xs text-slate-500">{t("chooseAll")}</p>}
          {question.options.map((option, i) => {
            const checked = picked.includes(option.key);
            return (
              <label key={option.key} className={choiceClass(checked)} data-testid="attempt-option">
                <input
                  type={multiple ? "checkbox" : "radio"}
                  name={name}
                  value={option.key}
                  checked={checked}
                  className="mt-0.5 h-5 w-5 shrink-0 accent-brand-600"
                  onChange={() =>
                    onChange(
                      multiple ? (checked ? picked.filter((key) => key !== option.key) : [...picked, option.key]) : [option.key],
                      false,
                    )
                  }
                />
                <span>
                  <span className="mr-1 font-medium">{positionalLabel(i)}.</span>
                  {option.text}
                </span>
              </label>
            );
          })}
        </div>
      );
    }
    case "TRUE_FALSE":
      return (
        <div role="radiogroup" className="grid grid-cols-2 gap-2">
          {[true, false].map((value) => (
            <label key={String(value)} className={choiceClass(response[0] === value)} data-testid="attempt-option">
              <input type="radio" name={name} checked={response[0] === value} className="mt-0.5 h-5 w-5 accent-brand-600" onChange={() => onChange([value], false)} />
              {value ? t("true") : t("false")}
            </label>
          ))}
        </div>
      );
    case "FILL_IN": {
      const values = Array.from({ length: question.blanks }, (_, i) => (response as string[])[i] ?? "");
      return (
        <div className="space-y-2">
          {values.map((value, i) => (
            <input
              key={i}
              type="text"
              className={inputClass}
              value={value}
              aria-label={t("blank", { number: i + 1 })}
              placeholder={question.blanks > 1 ? t("blank", { number: i + 1 }) : t("yourAnswer")}
              onChange={(event) => onChange(values.map((v, j) => (j === i ? event.target.value : v)), true)}
              onBlur={onBlur}
              data-testid="attempt-blank"
            />
          ))}
        </div>
      );
    }
    case "SHORT_ANSWER":
      return (
        <textarea
          className={inputClass}
          rows={6}
          value={(response as string[])[0] ?? ""}
          placeholder={t("yourAnswer")}
          aria-label={t("yourAnswer")}
          onChange={(event) => onChange([event.target.value], true)}
          onBlur={onBlur}
          data-testid="attempt-text"
        />
      );
  }
}
