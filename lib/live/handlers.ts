import type { Socket } from "socket.io";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/authz";
import { type ActionResult, toErrorResult } from "@/lib/errors";
import { liveAccess } from "./access";
import { answerTopic } from "./answer-topic";
import { checkIn } from "./check-in";
import { closeSignIn } from "./close-signin";
import { closeTopic } from "./close-topic";
import { type ClientEventName, ClientEventSchemas, type LiveServerEvents } from "./events";
import { liveStateFor } from "./get-live-state";
import { getLostCounts } from "./get-lost-counts";
import { getSignInCode } from "./get-signin-code";
import { highlightAnswer, replyToAnswer } from "./highlight-answer";
import { openSignIn } from "./open-signin";
import { openTopic } from "./open-topic";
import { pressLost } from "./press-lost";
import { lessonRoom, staffRoom } from "./rooms";
import type { SocketData } from "./socket-server";

/** Client events arrive as `(payload, ack)`; anything may come from a client, so nothing is assumed of the arguments. */
export type LiveClientListeners = { [E in ClientEventName]: (...args: unknown[]) => void };
type LiveSocket = Socket<LiveClientListeners, LiveServerEvents, Record<string, never>, SocketData>;

type Handlers = {
  [E in ClientEventName]: (actor: Actor, input: z.output<(typeof ClientEventSchemas)[E]>, socket: LiveSocket) => Promise<unknown>;
};

/**
 * Socket events call the same domain functions as the server actions (which authorize inside); the handlers only
 * validate, join rooms and answer by ack.
 */
const HANDLERS = {
  "live:join": async (actor, { lessonId }, socket) => {
    const access = await liveAccess(actor, lessonId);
    // Join before reading the state, so that nothing published in between is missed.
    await socket.join(access.viewer === "staff" ? [lessonRoom(lessonId), staffRoom(lessonId)] : lessonRoom(lessonId));
    return liveStateFor(actor, access);
  },
  "live:signin-open": (actor, input) => openSignIn(actor, input),
  "live:signin-close": (actor, input) => closeSignIn(actor, input),
  "live:signin-code": (actor, input) => getSignInCode(actor, input),
  "live:check-in": (actor, input) => checkIn(actor, input),
  "live:topic-open": (actor, input) => openTopic(actor, input),
  "live:topic-close": (actor, input) => closeTopic(actor, input),
  "live:answer": (actor, input) => answerTopic(actor, input),
  "live:answer-highlight": (actor, input) => highlightAnswer(actor, input),
  "live:answer-reply": (actor, input) => replyToAnswer(actor, input),
  "live:lost": (actor, input) => pressLost(actor, input),
  "live:lost-count": (actor, input) => getLostCounts(actor, input),
} satisfies Handlers;

/** What the ack of each client event carries on success. */
export type ClientEventResult<E extends ClientEventName> = Awaited<ReturnType<(typeof HANDLERS)[E]>>;

export function registerLiveHandlers(socket: LiveSocket): void {
  for (const event of Object.keys(HANDLERS) as ClientEventName[]) {
    socket.on(event, (...args: unknown[]) => void handle(socket, event, args));
  }
}

async function handle(socket: LiveSocket, event: ClientEventName, args: unknown[]): Promise<void> {
  const ack = typeof args.at(-1) === "function" ? (args.pop() as (result: ActionResult<unknown>) => void) : undefined;
  let result: ActionResult<unknown>;
  try {
    const input = ClientEventSchemas[event].parse(args[0]);
    const run = HANDLERS[event] as (actor: Actor, input: unknown, socket: LiveSocket) => Promise<unknown>;
    result = { ok: true, data: await run(socket.data.actor, input, socket) };
  } catch (error) {
    result = toErrorResult(error);
  }
  try {
    ack?.(result);
  } catch (error) {
    console.error(`[live] ack of ${event} failed`, error);
  }
}
