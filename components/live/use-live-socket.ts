"use client";
import { type Dispatch, type SetStateAction, useCallback, useEffect, useRef, useState } from "react";
import { type Socket, io } from "socket.io-client";
import type { ActionResult } from "@/lib/errors";
import type { ClientEventInput, ClientEventName } from "@/lib/live/events";
import type { ClientEventResult } from "@/lib/live/handlers";
import type { LiveState } from "@/lib/live/get-live-state";
import type { LiveEvent } from "@/lib/live/reduce-live-state";

export type LiveStatus = "connecting" | "live" | "offline";

/** Without a socket the screen asks for the state this often (the actions still work). */
const OFFLINE_REFRESH_MS = 10_000;
const ACK_TIMEOUT_MS = 8_000;

/**
 * The socket of a live screen: joins the lesson on every (re)connect and replaces the state with the server's,
 * folds pushed events into it, and sends requests over the socket while connected or through the matching server
 * action otherwise. Events arriving while a join is on its way are applied after it, on top of the fresh state.
 */
export function useLiveSocket<S extends LiveState>(options: {
  lessonId: string;
  initial: S;
  apply: (state: S, event: LiveEvent) => S;
  refresh: (input: { lessonId: string }) => Promise<ActionResult<LiveState>>;
}): {
  state: S;
  setState: Dispatch<SetStateAction<S>>;
  status: LiveStatus;
  request: <E extends ClientEventName>(
    event: E,
    input: ClientEventInput<E>,
    fallback: (input: ClientEventInput<E>) => Promise<ActionResult<ClientEventResult<E>>>,
  ) => Promise<ActionResult<ClientEventResult<E>>>;
} {
  const { lessonId, initial, apply, refresh } = options;
  const [state, setState] = useState<S>(initial);
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const socketRef = useRef<Socket | null>(null);

  useEffect(() => {
    const socket = io({ path: "/socket.io" });
    socketRef.current = socket;
    let pending: LiveEvent[] | null = null;

    const join = () => {
      pending = [];
      socket.timeout(ACK_TIMEOUT_MS).emit("live:join", { lessonId }, (error: Error | null, result?: ActionResult<S>) => {
        const queued = pending ?? [];
        pending = null;
        if (error || !result?.ok) {
          setStatus("offline");
          return;
        }
        setState(queued.reduce(apply, result.data));
        setStatus("live");
      });
    };
    socket.on("connect", join);
    socket.on("disconnect", () => setStatus("offline"));
    socket.on("connect_error", () => setStatus("offline"));
    socket.onAny((event: string, payload: unknown) => {
      if (!event.startsWith("live:")) return;
      const live = { event, payload } as LiveEvent;
      if (pending) pending.push(live);
      else setState((current) => apply(current, live));
    });
    return () => {
      socketRef.current = null;
      socket.close();
    };
  }, [lessonId, apply]);

  useEffect(() => {
    if (status !== "offline") return;
    const timer = setInterval(async () => {
      const result = await refresh({ lessonId }).catch(() => null);
      if (result?.ok && result.data.viewer === initial.viewer) setState(result.data as S);
    }, OFFLINE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [status, lessonId, refresh, initial.viewer]);

  const request = useCallback(
    async <E extends ClientEventName>(
      event: E,
      input: ClientEventInput<E>,
      fallback: (input: ClientEventInput<E>) => Promise<ActionResult<ClientEventResult<E>>>,
    ): Promise<ActionResult<ClientEventResult<E>>> => {
      const socket = socketRef.current;
      // Only an unconnected socket falls back: after a timeout the request may still have been done.
      if (!socket?.connected) return fallback(input).catch(() => ({ ok: false, code: "common.unexpected" }) as const);
      try {
        return await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, input);
      } catch {
        return { ok: false, code: "common.unexpected" };
      }
    },
    [],
  );

  return { state, setState, status, request };
}
