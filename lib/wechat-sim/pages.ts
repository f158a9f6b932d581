import { escapeHtml, page, safeHref } from "./html";
import type { SimUser } from "./users";
import type { SimChatEntry, SimTemplateMessage } from "./world";

/** The demo templates' fixed wording: a title per template, a label per keyword (lib/push/render-push-content.ts). */
export interface SimTemplate {
  title: string;
  keywords: Record<string, string>;
}

const timeParts = new Intl.DateTimeFormat("en-US", {
  timeZone: "Asia/Shanghai",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "11月26日 08:00" in Asia/Shanghai, as WeChat shows a message's time. */
function shanghaiTime(at: Date): string {
  const part = Object.fromEntries(timeParts.formatToParts(at).map(({ type, value }) => [type, value]));
  return `${part.month}月${part.day}日 ${part.hour}:${part.minute}`;
}

const avatar = (user: SimUser) => `<img src="/avatar/${escapeHtml(user.openid)}.svg" alt="">`;

export function renderErrorPage(title: string, detail: string): string {
  return page(title, `<div class="card"><h2 class="error">${escapeHtml(title)}</h2><p>${escapeHtml(detail)}</p></div>`);
}

/** WeChat would know who is holding the phone; the simulator asks. `hrefFor` builds the link for one user. */
export function renderUserPicker(users: SimUser[], accountName: string, hrefFor: (openid: string) => string): string {
  const items = users
    .map(
      (user) => `<a class="card user" href="${escapeHtml(hrefFor(user.openid))}">${avatar(user)}<span>${escapeHtml(user.nickname)}` +
        `<br><span class="muted">${user.subscribed ? "已关注" : "未关注"} · ${escapeHtml(user.openid)}</span></span></a>`,
    )
    .join("");
  return page(
    "选择模拟微信用户",
    `<p class="muted">模拟器：以哪位微信用户的身份打开「${escapeHtml(accountName)}」？</p>${items}`,
  );
}

/** snsapi_userinfo: WeChat's consent sheet. */
export function renderConsent(user: SimUser, accountName: string, allowHref: string, denyHref: string): string {
  return page(
    "微信授权",
    `<div class="card" style="text-align:center">${avatar(user)}<h2>${escapeHtml(accountName)} 申请获得以下权限</h2>` +
      `<p>获得你的公开信息（昵称、头像等）</p><p class="muted">当前微信：${escapeHtml(user.nickname)}</p>` +
      `<a class="btn primary" href="${escapeHtml(allowHref)}">允许</a><a class="btn plain" href="${escapeHtml(denyHref)}">拒绝</a></div>`,
  );
}

export function renderPhoneIndex(users: SimUser[], messageCount: (openid: string) => number): string {
  const items = users
    .map(
      (user) => `<a class="card user" href="/phone/${encodeURIComponent(user.openid)}">${avatar(user)}<span>${escapeHtml(user.nickname)}` +
        `<br><span class="muted">${messageCount(user.openid)} 条模板消息 · ${user.subscribed ? "已关注" : "未关注"}</span></span></a>`,
    )
    .join("");
  return page("模拟手机", `<p class="muted">每位模拟微信用户收到的服务号消息。点开一位，可在其中回复。</p>${items}`);
}

function renderTemplateMessage(message: SimTemplateMessage, templates: Record<string, SimTemplate>): string {
  const template = templates[message.templateId];
  const rows = Object.entries(message.data)
    .map(
      ([key, { value }]) =>
        `<div class="row"><span class="k">${escapeHtml(template?.keywords[key] ?? key)}</span><span>${escapeHtml(value)}</span></div>`,
    )
    .join("");
  const href = safeHref(message.url);
  const link = href ? `<a class="detail" href="${escapeHtml(href)}">详情 ›</a>` : "";
  return (
    `<article class="card" data-msgid="${escapeHtml(message.msgid)}"><h2>${escapeHtml(template?.title ?? message.templateId)}</h2>` +
    `<div class="muted">${escapeHtml(shanghaiTime(message.receivedAt))}</div>${rows}${link}</article>`
  );
}

function renderChatEntry(entry: SimChatEntry): string {
  if (entry.from === "system") return `<div class="sys">${escapeHtml(entry.text)}</div>`;
  const error = entry.error ? `<div class="error muted">${escapeHtml(entry.error)}</div>` : "";
  return `<div class="bubble ${entry.from === "user" ? "me" : "app"}">${escapeHtml(entry.text)}${error}</div>`;
}

// Reloads to show new messages, but never while the user is typing a reply.
const REFRESH_SCRIPT =
  "setInterval(function(){var t=document.getElementById('reply');" +
  "if(!t||(t.value===''&&document.activeElement!==t))location.reload()},3000);";

export function renderPhone(input: {
  user: SimUser;
  accountName: string;
  messages: SimTemplateMessage[];
  chat: SimChatEntry[];
  templates: Record<string, SimTemplate>;
}): string {
  const { user } = input;
  const base = `/phone/${encodeURIComponent(user.openid)}`;
  const messages = input.messages.length
    ? [...input.messages].reverse().map((message) => renderTemplateMessage(message, input.templates)).join("")
    : `<p class="muted">还没有收到模板消息。</p>`;
  const chat = input.chat.map(renderChatEntry).join("");
  const follow = user.subscribed ? ["unsubscribe", "取消关注"] : ["subscribe", "关注公众号"];
  return page(
    `${input.accountName} · ${user.nickname}`,
    `<section aria-label="模板消息">${messages}</section>` +
      `<section aria-label="对话" class="card">${chat || `<p class="muted">发一条消息给公众号，例如课堂讨论的回答。</p>`}` +
      `<form method="post" action="${escapeHtml(base)}/send"><label for="reply">回复</label>` +
      `<textarea id="reply" name="content" maxlength="600" required></textarea>` +
      `<button class="btn primary" type="submit">发送</button></form></section>` +
      `<form method="post" action="${escapeHtml(base)}/follow"><input type="hidden" name="action" value="${follow[0]}">` +
      `<button class="btn plain" type="submit">${follow[1]}</button></form>`,
    { script: REFRESH_SCRIPT, back: "/phone" },
  );
}

const AVATAR_COLORS = ["#07c160", "#576b95", "#fa9d3b", "#e64340", "#10aeff", "#9c6bd6"];

/** A letter avatar, so that headimgurl works offline. */
export function renderAvatarSvg(user: SimUser): string {
  const color = AVATAR_COLORS[user.openid.charCodeAt(1) % AVATAR_COLORS.length];
  const letter = Array.from(user.nickname)[0] ?? "?";
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="132" height="132" viewBox="0 0 132 132">` +
    `<rect width="132" height="132" fill="${color}"/><text x="66" y="86" font-size="60" text-anchor="middle" fill="#fff" ` +
    `font-family="sans-serif">${escapeHtml(letter)}</text></svg>`
  );
}
