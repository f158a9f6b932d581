"use client";
import { type FormEvent, useState } from "react";
import { useTranslations } from "next-intl";
import { Button, buttonClass } from "@/components/ui/button";
import { Select, TextArea, inputClass } from "@/components/ui/field";
import type { ErrorCode, FieldErrors } from "@/lib/errors";
import { openTopicAction } from "@/lib/live/actions";
import type { StaffLiveState } from "@/lib/live/get-live-state";
import { LIVE_LIMITS } from "@/lib/live/limits";
import { applyStaffEvent } from "@/lib/live/reduce-live-state";
import { ErrorText } from "./error-text";
import type { BoardRequest, BoardSetState } from "./live-board";

type Kind = "DISCUSSION" | "POLL_SINGLE" | "POLL_MULTIPLE";
const KINDS: Kind[] = ["DISCUSSION", "POLL_SINGLE", "POLL_MULTIPLE"];

/** Opens a discussion topic or a poll; the students' phones show it at once. */
export function TopicComposer({ state, setState, request }: { state: StaffLiveState; setState: BoardSetState; request: BoardRequest }) {
  const t = useTranslations("live");
  const [kind, setKind] = useState<Kind>("DISCUSSION");
  const [prompt, setPrompt] = useState("");
  const [options, setOptions] = useState(["", ""]);
  const [anonymous, setAnonymous] = useState(false);
  const [liveResults, setLiveResults] = useState(true);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors | undefined>();
  const [pending, setPending] = useState(false);
  const poll = kind !== "DISCUSSION";

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await request(
      "live:topic-open",
      { lessonId: state.lessonId, kind, prompt, options: poll ? options : [], anonymous, liveResults },
      openTopicAction,
    );
    setPending(false);
    if (!result.ok) {
      setError(result.code);
      setFieldErrors(result.fieldErrors);
      return;
    }
    setError(null);
    setFieldErrors(undefined);
    setPrompt("");
    setOptions(["", ""]);
    // Also pushed over the socket; applying the answer here covers a board without one.
    setState((current) => applyStaffEvent(current, { event: "live:topic-opened", payload: { topic: result.data } }));
  }

  return (
    <form onSubmit={submit} data-testid="topic-composer" className="space-y-3 rounded-xl border-2 border-slate-300 bg-white p-4">
      <h2 className="text-xl font-bold">{t("board.composer.title")}</h2>
      <Select label={t("board.composer.kind")} value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="topic-kind">
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kinds.${k}`)}
          </option>
        ))}
      </Select>
      <TextArea
        label={t("board.composer.prompt")}
        value={prompt}
        onChange={(e) => setPrompt(e.target.value)}
        maxLength={LIVE_LIMITS.prompt}
        rows={3}
        required
        errors={fieldErrors?.prompt}
        data-testid="topic-prompt"
      />
      {poll && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">{t("board.composer.options")}</legend>
          {options.map((option, i) => (
            <div key={i} className="flex gap-2">
              <input
                className={inputClass}
                aria-label={t("board.composer.option", { n: i + 1 })}
                value={option}
                maxLength={LIVE_LIMITS.option}
                onChange={(e) => setOptions(options.map((o, j) => (j === i ? e.target.value : o)))}
                data-testid={`topic-option-${i}`}
              />
              {options.length > LIVE_LIMITS.minOptions && (
                <button
                  type="button"
                  className={buttonClass("ghost", "px-2")}
                  aria-label={t("board.composer.removeOption", { n: i + 1 })}
                  onClick={() => setOptions(options.filter((_, j) => j !== i))}
                >
                  ✕
                </button>
              )}
            </div>
          ))}
          {options.length < LIVE_LIMITS.maxOptions && (
            <Button variant="secondary" onClick={() => setOptions([...options, ""])} data-testid="topic-add-option">
              {t("board.composer.addOption")}
            </Button>
          )}
        </fieldset>
      )}
      <label className="flex min-h-10 items-center gap-2 text-sm">
        <input type="checkbox" className="h-5 w-5 accent-brand-600" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} data-testid="topic-anonymous" />
        {t("board.composer.anonymous")}
      </label>
      {poll && (
        <label className="flex min-h-10 items-center gap-2 text-sm">
          <input type="checkbox" className="h-5 w-5 accent-brand-600" checked={liveResults} onChange={(e) => setLiveResults(e.target.checked)} data-testid="topic-live-results" />
          {t("board.composer.liveResults")}
        </label>
      )}
      <ErrorText code={error} />
      {state.topic?.status === "OPEN" && <p className="text-xs text-slate-600">{t("board.composer.replacesOpen")}</p>}
      <Button type="submit" disabled={pending || !prompt.trim()} data-testid="topic-open-submit" className="w-full text-base">
        {t("board.composer.submit")}
      </Button>
    </form>
  );
}
