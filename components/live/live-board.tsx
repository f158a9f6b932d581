"use client";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { getLiveStateAction, getLostCountsAction } from "@/lib/live/actions";
import type { StaffLiveState } from "@/lib/live/get-live-state";
import { applyStaffEvent } from "@/lib/live/reduce-live-state";
import { BoardTopic } from "./board-topic";
import { ConnectionBadge } from "./connection-badge";
import { LostPanel } from "./lost-panel";
import { PastTopics } from "./past-topics";
import { SignInPanel } from "./signin-panel";
import { TopicComposer } from "./topic-composer";
import { useLiveSocket } from "./use-live-socket";

export type BoardRequest = ReturnType<typeof useLiveSocket<StaffLiveState>>["request"];
export type BoardSetState = ReturnType<typeof useLiveSocket<StaffLiveState>>["setState"];

/** "The last 2 minutes" goes down without new presses: the board asks for fresh counts this often. */
const LOST_REFRESH_MS = 20_000;

/** The teacher's live board, made for a projector: large type, high contrast, one screen. */
export function LiveBoard({ initial }: { initial: StaffLiveState }) {
  const t = useTranslations("live.board");
  const { state, setState, status, request } = useLiveSocket({
    lessonId: initial.lessonId,
    initial,
    apply: applyStaffEvent,
    refresh: getLiveStateAction,
  });
  const boardRef = useRef<HTMLDivElement>(null);
  const [fullscreen, setFullscreen] = useState(false);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === boardRef.current);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  useEffect(() => {
    const timer = setInterval(async () => {
      const result = await request("live:lost-count", { lessonId: state.lessonId }, getLostCountsAction);
      if (result.ok) setState((current) => ({ ...current, lost: result.data }));
    }, LOST_REFRESH_MS);
    return () => clearInterval(timer);
  }, [request, setState, state.lessonId]);

  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void boardRef.current?.requestFullscreen?.();
  };

  return (
    <div ref={boardRef} data-testid="live-board" className="space-y-4 overflow-auto bg-slate-50 text-slate-950 [&:fullscreen]:p-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <ConnectionBadge status={status} />
        <div className="flex items-center gap-2">
          {!state.canManage && <span className="text-sm text-slate-600">{t("readOnly")}</span>}
          <button type="button" className={buttonClass("secondary")} onClick={toggleFullscreen}>
            {t(fullscreen ? "exitFullscreen" : "fullscreen")}
          </button>
        </div>
      </div>
      <div className="grid gap-4 xl:grid-cols-[minmax(0,2fr)_minmax(20rem,1fr)]">
        <div className="min-w-0 space-y-4">
          <BoardTopic state={state} setState={setState} request={request} />
          <PastTopics pastTopics={state.pastTopics} />
        </div>
        <div className="min-w-0 space-y-4">
          <SignInPanel state={state} setState={setState} request={request} />
          <LostPanel lost={state.lost} />
          {state.canManage && <TopicComposer state={state} setState={setState} request={request} />}
        </div>
      </div>
    </div>
  );
}
