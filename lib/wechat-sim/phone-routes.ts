import type { IncomingMessage, ServerResponse } from "node:http";
import type { DeliverInput } from "./delivery";
import { readBody, redirect, sendHtml, sendText } from "./http-util";
import { renderErrorPage, renderPhone, renderPhoneIndex, type SimTemplate } from "./pages";
import type { SimWorld } from "./world";

export interface PhoneContext {
  world: SimWorld;
  accountName: string;
  templates: Record<string, SimTemplate>;
  deliver: (input: DeliverInput) => Promise<unknown>;
  /** The simulator's own origin, e.g. http://127.0.0.1:3900. */
  origin: string;
}

const REPLY_MAX_CHARS = 600;

export function handlePhoneIndex(ctx: PhoneContext, res: ServerResponse): void {
  sendHtml(res, 200, renderPhoneIndex([...ctx.world.users.values()], (openid) => ctx.world.messagesFor(openid).length));
}

/** GET /phone/<openid>; POST …/send (a text message to the app) and …/follow (subscribe / unsubscribe). */
export async function handlePhone(
  ctx: PhoneContext,
  req: IncomingMessage,
  res: ServerResponse,
  openid: string,
  action: "send" | "follow" | undefined,
): Promise<void> {
  const { world } = ctx;
  const user = world.users.get(openid);
  if (!user) return sendHtml(res, 404, renderErrorPage("没有这位模拟微信用户", openid));
  if (!action) {
    if (req.method !== "GET") return sendText(res, 405, "method not allowed", "text/plain");
    const html = renderPhone({
      user,
      accountName: ctx.accountName,
      messages: world.messagesFor(user.openid),
      chat: world.chats.get(user.openid) ?? [],
      templates: ctx.templates,
    });
    return sendHtml(res, 200, html);
  }
  if (req.method !== "POST") return sendText(res, 405, "method not allowed", "text/plain");
  // The phone's forms post to the simulator itself; refuse posts that another site's page makes.
  const origin = req.headers.origin;
  if (origin && origin !== ctx.origin && origin !== `http://${req.headers.host}`) return sendText(res, 403, "forbidden", "text/plain");
  const form = new URLSearchParams(await readBody(req));
  if (action === "send") {
    const content = Array.from((form.get("content") ?? "").trim()).slice(0, REPLY_MAX_CHARS).join("");
    if (content) await ctx.deliver({ type: "text", openid: user.openid, content });
  } else {
    const subscribe = form.get("action") === "subscribe";
    if (user.subscribed !== subscribe) {
      user.subscribed = subscribe;
      world.addChat(user.openid, { from: "system", text: subscribe ? "你关注了公众号" : "你取消关注了公众号" });
      await ctx.deliver({ type: "event", openid: user.openid, event: subscribe ? "subscribe" : "unsubscribe" });
    }
  }
  redirect(res, 303, `/phone/${encodeURIComponent(user.openid)}`);
}
