"use client";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { ErrorCode } from "@/lib/errors";
import { answerTopicAction, checkInAction, getLiveStateAction, pressLostAction } from "@/lib/live/actions";
import type { StudentAnswer, TopicView } from "@/lib/live/events";
import type { StudentLiveState } from "@/lib/live/get-live-state";
import { applyStudentEvent, withMyAnswer } from "@/lib/live/reduce-live-state";
import { LIVE_LIMITS, LIVE_RATE_LIMITS } from "@/lib/live/limits";
import { ConnectionBadge } from "./connection-badge";
import { ErrorText } from "./error-text";
import { PollBars } from "./poll-bars";
import { useLiveSocket } from "./use-live-socket";

type Request = ReturnType<typeof useLiveSocket<StudentLiveState>>["request"];
type SetState = ReturnType<typeof useLiveSocket<StudentLiveState>>["setState"];

/** The 课中 tab on a student's phone: sign-in, the topic the teacher pushes, answers, and the 不懂 button. */
export function StudentLive({ initial, prefillCode }: { initial: StudentLiveState; prefillCode?: string }) {
  const { state, setState, status, request } = useLiveSocket({
    lessonId: initial.lessonId,
    initial,
    apply: applyStudentEvent,
    refresh: getLiveStateAction,
  });
  return (
    <div className="space-y-4 pb-28">
      <div className="flex justify-end">
        <ConnectionBadge status={status} />
      </div>
      <SignInCard state={state} setState={setState} request={request} prefillCode={prefillCode} />
      {state.topic ? (
        <TopicCard key={state.topic.id} topic={state.topic} state={state} setState={setState} request={request} />
      ) : (
        <WaitingCard />
      )}
      <LostButton lessonId={state.lessonId} request={request} />
    </div>
  );
}

function WaitingCard() {
  const t = useTranslations("live.student.topic");
  return (
    <section className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600" data-testid="student-waiting">
      {t("waiting")}
    </section>
  );
}

function SignInCard({ state, setState, request, prefillCode }: { state: StudentLiveState; setState: SetState; request: Request; prefillCode?: string }) {
  const t = useTranslations("live.student.signIn");
  const [code, setCode] = useState(prefillCode ?? "");
  const [error, setError] = useState<ErrorCode | null>(null);
  const [pending, setPending] = useState(false);
  const { signIn, myAttendance } = state;
  const open = !!signIn && !signIn.closedAt;
  const checkedIn = myAttendance && myAttendance.status !== "ABSENT";

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await request("live:check-in", { lessonId: state.lessonId, code }, checkInAction);
    setPending(false);
    if (result.ok) {
      setError(null);
      setState((current) => ({ ...current, myAttendance: result.data }));
    } else setError(result.code);
  }

  let body;
  if (checkedIn) {
    body = (
      <p className="text-base font-medium text-emerald-800" data-testid="signin-status">
        ✓ {t(myAttendance.status === "LATE" ? "late" : "present")}
      </p>
    );
  } else if (open) {
    body = (
      <form onSubmit={submit} className="space-y-2">
        {myAttendance?.status === "ABSENT" && <p className="text-sm text-amber-800">{t("absentRetry")}</p>}
        <label htmlFor="signin-code" className="block text-sm text-slate-700">
          {t("prompt")}
        </label>
        <div className="flex gap-2">
          <input
            id="signin-code"
            data-testid="signin-input"
            className={`${inputClass} min-h-12 flex-1 text-center font-mono text-2xl tracking-[0.3em]`}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={9}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            aria-invalid={!!error}
            aria-describedby={error ? "signin-error" : undefined}
            required
          />
          <button type="submit" data-testid="signin-submit" className={buttonClass("primary", "min-h-12 px-5 text-base")} disabled={pending}>
            {t("submit")}
          </button>
        </div>
        <ErrorText code={error} id="signin-error" />
      </form>
    );
  } else if (myAttendance?.status === "ABSENT") {
    body = <p className="text-sm text-red-700">{t("absent")}</p>;
  } else {
    body = <p className="text-sm text-slate-600">{t(signIn ? "closed" : "notOpen")}</p>;
  }

  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="student-signin">
      <h2 className="mb-2 text-base font-semibold">{t("title")}</h2>
      {body}
    </section>
  );
}

function TopicCard({ topic, state, setState, request }: { topic: TopicView; state: StudentLiveState; setState: SetState; request: Request }) {
  const t = useTranslations("live");
  const open = topic.status === "OPEN";
  const poll = topic.kind !== "DISCUSSION";
  const shown = state.answers.filter((answer) => answer.highlighted);
  const mine = state.answers.filter((answer) => answer.mine && !answer.highlighted);
  const myPollAnswer = poll ? state.answers.find((answer) => answer.mine) : undefined;

  return (
    <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="student-topic" data-topic-id={topic.id}>
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone="blue">{t(`kinds.${topic.kind}`)}</Badge>
          {!open && <Badge tone="slate">{t("student.topic.closed")}</Badge>}
        </div>
        <h2 className="whitespace-pre-wrap break-words text-lg font-semibold leading-snug">{topic.prompt}</h2>
        {topic.anonymous && <p className="text-xs text-slate-500">{t("student.topic.anonymous")}</p>}
      </header>

      {open && poll && <PollForm topic={topic} mine={myPollAnswer} setState={setState} request={request} />}
      {open && !poll && <DiscussionForm topic={topic} setState={setState} request={request} />}
      {!open && <p className="rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="topic-closed-note">{t("student.topic.closed")}</p>}

      <Results topic={topic} state={state} />

      {mine.length > 0 && !poll && (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-700">{t("student.topic.mine")}</h3>
          {mine.map((answer) => (
            <MyAnswer key={answer.id} answer={answer} topic={topic} setState={setState} request={request} />
          ))}
        </div>
      )}

      {shown.length > 0 && (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-700">{t("student.topic.highlighted")}</h3>
          {shown.map((answer) => (
            <article key={answer.id} data-testid="highlighted-answer" className="rounded-lg border-l-4 border-amber-400 bg-amber-50 p-3">
              <p className="text-xs font-medium text-amber-900">{answer.mine ? t("student.topic.mine") : (answer.studentName ?? t("student.topic.anonymousName"))}</p>
              <AnswerBody answer={answer} topic={topic} />
            </article>
          ))}
        </div>
      )}
    </section>
  );
}

function AnswerBody({ answer, topic }: { answer: StudentAnswer; topic: TopicView }) {
  const t = useTranslations("live.student.topic");
  return (
    <>
      {answer.text && <p className="mt-1 whitespace-pre-wrap break-words text-base">{answer.text}</p>}
      {answer.choices.length > 0 && <p className="mt-1 text-base">{answer.choices.map((c) => `${String.fromCharCode(65 + c)}. ${topic.options[c] ?? ""}`).join("；")}</p>}
      {answer.teacherReply && (
        <p className="mt-2 rounded-md bg-white/70 px-2 py-1 text-sm text-brand-700" data-testid="teacher-reply">
          <span className="font-medium">{t("teacherReply")}：</span>
          {answer.teacherReply}
        </p>
      )}
    </>
  );
}

function MyAnswer({ answer, topic, setState, request }: { answer: StudentAnswer; topic: TopicView; setState: SetState; request: Request }) {
  const t = useTranslations("live.student.topic");
  const [editing, setEditing] = useState(false);
  const locked = answer.highlighted || !!answer.teacherReply || topic.status !== "OPEN";
  if (editing) {
    return <DiscussionForm topic={topic} setState={setState} request={request} editing={answer} onDone={() => setEditing(false)} />;
  }
  return (
    <article className="rounded-lg bg-slate-50 p-3" data-testid="my-answer">
      <AnswerBody answer={answer} topic={topic} />
      {!locked && (
        <button type="button" className={buttonClass("ghost", "mt-1 min-h-9 px-2")} onClick={() => setEditing(true)}>
          {t("edit")}
        </button>
      )}
    </article>
  );
}

function DiscussionForm({ topic, setState, request, editing, onDone }: {
  topic: TopicView;
  setState: SetState;
  request: Request;
  editing?: StudentAnswer;
  onDone?: () => void;
}) {
  const t = useTranslations("live.student.topic");
  const [text, setText] = useState(editing?.text ?? "");
  const [error, setError] = useState<ErrorCode | null>(null);
  const [pending, setPending] = useState(false);
  const errorId = `answer-error-${editing?.id ?? "new"}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await request("live:answer", { topicId: topic.id, text, answerId: editing?.id }, answerTopicAction);
    setPending(false);
    if (!result.ok) return setError(result.code);
    setError(null);
    setText("");
    setState((current) => withMyAnswer(current, result.data));
    onDone?.();
  }

  return (
    <form onSubmit={submit} className="space-y-2">
      <label htmlFor={`answer-${editing?.id ?? "new"}`} className="block text-sm font-medium text-slate-700">
        {t("answerLabel")}
      </label>
      <textarea
        id={`answer-${editing?.id ?? "new"}`}
        data-testid={editing ? "student-answer-edit" : "student-answer-input"}
        className={`${inputClass} min-h-24`}
        placeholder={t("answerPlaceholder")}
        maxLength={LIVE_LIMITS.answer}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={!!error}
        aria-describedby={error ? errorId : undefined}
      />
      <ErrorText code={error} id={errorId} />
      <div className="flex gap-2">
        <button
          type="submit"
          data-testid={editing ? "student-answer-save" : "student-answer-submit"}
          className={buttonClass("primary", "min-h-12 flex-1 text-base")}
          disabled={pending || !text.trim()}
        >
          {editing ? t("saveEdit") : t("submit")}
        </button>
        {editing && (
          <button type="button" className={buttonClass("secondary", "min-h-12")} onClick={onDone}>
            {t("cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

function PollForm({ topic, mine, setState, request }: { topic: TopicView; mine?: StudentAnswer; setState: SetState; request: Request }) {
  const t = useTranslations("live.student.topic");
  const multiple = topic.kind === "POLL_MULTIPLE";
  const [choices, setChoices] = useState<number[]>(mine?.choices ?? []);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [pending, setPending] = useState(false);

  function toggle(index: number) {
    setChoices((current) => (multiple ? (current.includes(index) ? current.filter((c) => c !== index) : [...current, index]) : [index]));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await request("live:answer", { topicId: topic.id, choices }, answerTopicAction);
    setPending(false);
    if (!result.ok) return setError(result.code);
    setError(null);
    setState((current) => withMyAnswer(current, result.data));
  }

  return (
    <form onSubmit={submit} className="space-y-3">
      <fieldset className="space-y-2" aria-describedby={error ? "poll-error" : undefined}>
        <legend className="mb-1 text-sm text-slate-600">{t(multiple ? "chooseMany" : "chooseOne")}</legend>
        {topic.options.map((option, i) => (
          <label
            key={i}
            data-testid={`poll-option-${i}`}
            className={`flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border px-3 py-2 text-base ${choices.includes(i) ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white"}`}
          >
            <input
              type={multiple ? "checkbox" : "radio"}
              name={`poll-${topic.id}`}
              className="h-5 w-5 accent-brand-600"
              checked={choices.includes(i)}
              onChange={() => toggle(i)}
            />
            <span className="min-w-0 break-words">
              {String.fromCharCode(65 + i)}. {option}
            </span>
          </label>
        ))}
      </fieldset>
      <ErrorText code={error} id="poll-error" />
      {mine && <p className="text-sm text-emerald-800" data-testid="poll-submitted">✓ {t("submitted")}</p>}
      <button type="submit" data-testid="student-answer-submit" className={buttonClass("primary", "min-h-12 w-full text-base")} disabled={pending || !choices.length}>
        {t("submit")}
      </button>
    </form>
  );
}

function Results({ topic, state }: { topic: TopicView; state: StudentLiveState }) {
  const t = useTranslations("live.student.topic");
  const results = state.results?.topicId === topic.id ? state.results : null;
  if (!results) return null;
  return (
    <div className="space-y-2" data-testid="student-results">
      {results.counts ? (
        <>
          <h3 className="text-sm font-semibold text-slate-700">{t("results")}</h3>
          <PollBars options={topic.options} counts={results.counts} respondents={results.answerCount} />
        </>
      ) : (
        topic.kind !== "DISCUSSION" && <p className="text-sm text-slate-600">{t("resultsLater")}</p>
      )}
      <p className="text-xs text-slate-500">{t("answerCount", { count: results.answerCount })}</p>
    </div>
  );
}

/** Big and always in reach: fixed at the bottom of the phone screen. */
function LostButton({ lessonId, request }: { lessonId: string; request: Request }) {
  const t = useTranslations("live.student.lost");
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(0);
  const [error, setError] = useState<ErrorCode | null>(null);
  const cooling = until > now;

  useEffect(() => {
    if (!until) return;
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [until]);

  async function press() {
    const result = await request("live:lost", { lessonId }, pressLostAction);
    // A second press within the window is already counted: show it as sent.
    if (result.ok || result.code === "live.rate_limited") {
      setError(null);
      setUntil(Date.now() + LIVE_RATE_LIMITS.lost.windowMs);
    } else setError(result.code);
  }

  return (
    <div className="fixed inset-x-0 bottom-0 z-10 border-t border-slate-200 bg-white/95 px-4 pb-[max(0.75rem,env(safe-area-inset-bottom))] pt-3 backdrop-blur">
      <div className="mx-auto max-w-md space-y-1">
        <ErrorText code={error} />
        <button
          type="button"
          data-testid="lost-button"
          onClick={press}
          disabled={cooling}
          className="min-h-14 w-full rounded-xl bg-red-600 text-lg font-bold text-white shadow active:bg-red-700 disabled:bg-red-300"
        >
          {t("button")}
        </button>
        <p className="text-center text-xs text-slate-500" aria-live="polite">
          {cooling ? t("sent", { seconds: Math.ceil((until - now) / 1000) }) : t("hint")}
        </p>
      </div>
    </div>
  );
}
