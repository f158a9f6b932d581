"use client";
import { type FormEvent, useState } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { ErrorCode } from "@/lib/errors";
import { closeTopicAction, highlightAnswerAction, replyToAnswerAction } from "@/lib/live/actions";
import type { StaffAnswer, TopicView } from "@/lib/live/events";
import type { StaffLiveState } from "@/lib/live/get-live-state";
import { LIVE_LIMITS } from "@/lib/live/limits";
import { applyStaffEvent, resultsOf, withStaffAnswer } from "@/lib/live/reduce-live-state";
import { ErrorText } from "./error-text";
import type { BoardRequest, BoardSetState } from "./live-board";
import { PollBars } from "./poll-bars";

/** The current topic on the board: prompt, live answers (newest first) or poll bars, and the teacher's controls. */
export function BoardTopic({ state, setState, request }: { state: StaffLiveState; setState: BoardSetState; request: BoardRequest }) {
  const t = useTranslations("live");
  const [error, setError] = useState<ErrorCode | null>(null);
  const { topic } = state;
  if (!topic) {
    return (
      <section className="rounded-xl border-2 border-dashed border-slate-300 bg-white p-8 text-center text-lg text-slate-600" data-testid="board-topic-empty">
        {t("board.topic.none")}
      </section>
    );
  }
  const open = topic.status === "OPEN";
  const poll = topic.kind !== "DISCUSSION";
  const answers = state.answers.filter((answer) => answer.topicId === topic.id);
  const results = resultsOf(topic, answers);
  const newestFirst = [...answers].reverse();

  async function close() {
    const result = await request("live:topic-close", { topicId: topic!.id }, closeTopicAction);
    if (!result.ok) return setError(result.code);
    setError(null);
    setState((current) => applyStaffEvent(current, { event: "live:topic-closed", payload: result.data }));
  }

  return (
    <section className="space-y-4 rounded-xl border-2 border-slate-300 bg-white p-5" data-testid="board-topic" data-topic-id={topic.id}>
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={open ? "green" : "slate"}>{t(open ? "board.topic.open" : "board.topic.closed")}</Badge>
          <Badge tone="blue">{t(`kinds.${topic.kind}`)}</Badge>
          {topic.anonymous && <Badge tone="amber">{t("board.topic.anonymous")}</Badge>}
          {poll && <Badge>{t(topic.liveResults ? "board.topic.liveResults" : "board.topic.resultsAfterClose")}</Badge>}
          <span className="text-lg font-semibold tabular-nums" data-testid="board-answer-count">
            {poll ? t("board.topic.respondents", { count: results.answerCount }) : t("board.topic.answerCount", { count: results.answerCount })}
          </span>
        </div>
        {open && state.canManage && (
          <Button variant="danger" onClick={close} data-testid="topic-close">
            {t("board.topic.close")}
          </Button>
        )}
      </header>
      <h2 className="whitespace-pre-wrap break-words text-3xl font-bold leading-tight lg:text-4xl">{topic.prompt}</h2>
      <ErrorText code={error} />
      {poll && results.counts && <PollBars options={topic.options} counts={results.counts} respondents={results.answerCount} large />}
      {answers.length === 0 ? (
        <p className="text-lg text-slate-500">{t("board.topic.noAnswers")}</p>
      ) : poll ? (
        <details className="rounded-lg bg-slate-50 p-3">
          <summary className="cursor-pointer text-base font-medium">{t("board.topic.answerCount", { count: answers.length })}</summary>
          <AnswerGrid answers={newestFirst} topic={topic} state={state} setState={setState} request={request} />
        </details>
      ) : (
        <AnswerGrid answers={newestFirst} topic={topic} state={state} setState={setState} request={request} />
      )}
    </section>
  );
}

function AnswerGrid(props: { answers: StaffAnswer[]; topic: TopicView; state: StaffLiveState; setState: BoardSetState; request: BoardRequest }) {
  const { answers, ...rest } = props;
  return (
    <ul className="mt-2 grid gap-3 md:grid-cols-2 2xl:grid-cols-3">
      {answers.map((answer) => (
        <BoardAnswer key={answer.id} answer={answer} {...rest} />
      ))}
    </ul>
  );
}

function BoardAnswer({ answer, topic, state, setState, request }: {
  answer: StaffAnswer;
  topic: TopicView;
  state: StaffLiveState;
  setState: BoardSetState;
  request: BoardRequest;
}) {
  const t = useTranslations("live.board.topic");
  const [replying, setReplying] = useState(false);
  const [reply, setReply] = useState(answer.teacherReply ?? "");
  const [error, setError] = useState<ErrorCode | null>(null);
  const [pending, setPending] = useState(false);
  const replyId = `reply-${answer.id}`;

  async function toggleHighlight() {
    setPending(true);
    const result = await request("live:answer-highlight", { answerId: answer.id, highlighted: !answer.highlighted }, highlightAnswerAction);
    setPending(false);
    if (!result.ok) return setError(result.code);
    setError(null);
    setState((current) => withStaffAnswer(current, result.data));
  }

  async function sendReply(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await request("live:answer-reply", { answerId: answer.id, reply }, replyToAnswerAction);
    setPending(false);
    if (!result.ok) return setError(result.code);
    setError(null);
    setReplying(false);
    setState((current) => withStaffAnswer(current, result.data));
  }

  return (
    <li
      data-testid="board-answer"
      data-answer-id={answer.id}
      className={`rounded-lg border-2 p-3 ${answer.highlighted ? "border-amber-400 bg-amber-50" : "border-slate-200 bg-white"}`}
    >
      <p className="flex flex-wrap items-center gap-2 text-sm font-semibold text-slate-700">
        <span>{answer.studentName}</span>
        <span className="font-normal text-slate-500">{answer.studentNo}</span>
        {answer.source === "WECHAT" && <Badge tone="green">{t("wechat")}</Badge>}
        {answer.highlighted && <Badge tone="amber">{t("highlighted")}</Badge>}
        {answer.updatedAt !== answer.createdAt && topic.kind === "DISCUSSION" && <span className="font-normal text-slate-400">{t("edited")}</span>}
      </p>
      {answer.text && <p className="mt-1 whitespace-pre-wrap break-words text-xl leading-snug">{answer.text}</p>}
      {answer.choices.length > 0 && (
        <p className="mt-1 text-xl">{answer.choices.map((c) => `${String.fromCharCode(65 + c)}. ${topic.options[c] ?? ""}`).join("；")}</p>
      )}
      {answer.teacherReply && !replying && <p className="mt-2 rounded bg-brand-50 px-2 py-1 text-base text-brand-700">{answer.teacherReply}</p>}
      {state.canManage && (
        <div className="mt-2 flex flex-wrap gap-2">
          <button type="button" data-testid="highlight-button" className={buttonClass(answer.highlighted ? "secondary" : "primary", "min-h-9 py-1")} onClick={toggleHighlight} disabled={pending}>
            {t(answer.highlighted ? "unhighlight" : "highlight")}
          </button>
          {!replying && (
            <button type="button" data-testid="reply-button" className={buttonClass("secondary", "min-h-9 py-1")} onClick={() => setReplying(true)}>
              {t("reply")}
            </button>
          )}
        </div>
      )}
      {replying && (
        <form onSubmit={sendReply} className="mt-2 space-y-2">
          <label htmlFor={replyId} className="sr-only">
            {t("replyLabel", { name: answer.studentName })}
          </label>
          <textarea
            id={replyId}
            data-testid="reply-input"
            className={`${inputClass} min-h-16`}
            placeholder={t("replyPlaceholder")}
            maxLength={LIVE_LIMITS.reply}
            value={reply}
            onChange={(e) => setReply(e.target.value)}
          />
          <div className="flex gap-2">
            <Button type="submit" disabled={pending} data-testid="reply-submit">
              {t("sendReply")}
            </Button>
            <Button variant="secondary" onClick={() => setReplying(false)}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      )}
      <div className="mt-2">
        <ErrorText code={error} />
      </div>
    </li>
  );
}
