import {
  assertOk,
  callWechat,
  type ResolvedOptions,
  resolveOptions,
  TOKEN_ERRCODES,
  type WechatClientOptions,
  type WechatJson,
  WechatApiError,
} from "./http";
import { AccessTokenCache, type GetAccessTokenInput } from "./token";

export { WechatApiError, type WechatClientOptions, type WechatErrorKind } from "./http";
export type { GetAccessTokenInput } from "./token";

export interface TemplateMessage {
  touser: string;
  templateId: string;
  /** The H5 page in the app the message opens. */
  url: string;
  data: Record<string, { value: string }>;
  /** WeChat sends one message per openid + client_msg_id (within 10 minutes), so a retried send is harmless. */
  clientMsgId: string;
}

export type OAuthScope = "snsapi_base" | "snsapi_userinfo";

export interface OAuthAuthorizeInput {
  redirectUri: string;
  scope: OAuthScope;
  /** WeChat allows a-z, A-Z, 0-9 and at most 128 bytes (hex works). */
  state: string;
}

export interface OAuthIdentity {
  openid: string;
  scope: string;
  /** The web-authorization token: only good for /sns/userinfo of this user. */
  accessToken: string;
}

export interface OAuthUserInfo {
  nickname: string;
  headimgurl: string;
}

export interface WechatClient {
  getAccessToken(input?: GetAccessTokenInput): Promise<string>;
  sendTemplateMessage(message: TemplateMessage): Promise<{ msgid: string }>;
  oauthAuthorizeUrl(input: OAuthAuthorizeInput): string;
  exchangeOAuthCode(code: string): Promise<OAuthIdentity>;
  getOAuthUserInfo(accessToken: string, openid: string): Promise<OAuthUserInfo>;
}

const STATE_PATTERN = /^[A-Za-z0-9]{1,128}$/;

/**
 * A client for the service account's API (the real one, or the local simulator: lib/wechat/config.ts decides).
 * One client per process shares its token refreshes; several processes share the token through the database.
 */
export function createWechatClient(options: WechatClientOptions = {}): WechatClient {
  const opts = resolveOptions(options);
  const tokens = new AccessTokenCache(opts);
  return {
    getAccessToken: (input) => tokens.get(input),
    sendTemplateMessage: (message) => sendTemplateMessageWith(opts, tokens, message),
    oauthAuthorizeUrl: (input) => oauthAuthorizeUrlWith(opts, input),
    exchangeOAuthCode: (code) => exchangeOAuthCodeWith(opts, code),
    getOAuthUserInfo: (accessToken, openid) => getOAuthUserInfoWith(opts, accessToken, openid),
  };
}

async function sendTemplateMessageWith(
  opts: ResolvedOptions,
  tokens: AccessTokenCache,
  message: TemplateMessage,
): Promise<{ msgid: string }> {
  const body = {
    touser: message.touser,
    template_id: message.templateId,
    url: message.url,
    data: message.data,
    client_msg_id: message.clientMsgId,
  };
  const send = (token: string) =>
    callWechat(opts, {
      method: "POST",
      url: `${opts.config.apiBase}/cgi-bin/message/template/send?access_token=${encodeURIComponent(token)}`,
      body,
    });
  const token = await tokens.get();
  let json = await send(token);
  if (isTokenError(json)) {
    json = await send(await tokens.get({ forceRefresh: true, rejectedToken: token }));
  }
  assertOk(json);
  if (json.msgid === undefined || json.msgid === null) throw new WechatApiError(-1, "template/send answer without msgid", "fatal");
  return { msgid: String(json.msgid) };
}

const isTokenError = (json: WechatJson) => typeof json.errcode === "number" && TOKEN_ERRCODES.includes(json.errcode);

function oauthAuthorizeUrlWith(opts: ResolvedOptions, input: OAuthAuthorizeInput): string {
  if (!STATE_PATTERN.test(input.state)) throw new Error("OAuth state must be 1–128 characters of a-z, A-Z, 0-9");
  // WeChat wants exactly this parameter order, and the #wechat_redirect fragment.
  const query = new URLSearchParams([
    ["appid", opts.config.appId],
    ["redirect_uri", input.redirectUri],
    ["response_type", "code"],
    ["scope", input.scope],
    ["state", input.state],
  ]);
  return `${opts.config.openBase}/connect/oauth2/authorize?${query}#wechat_redirect`;
}

async function exchangeOAuthCodeWith(opts: ResolvedOptions, code: string): Promise<OAuthIdentity> {
  const query = new URLSearchParams({
    appid: opts.config.appId,
    secret: opts.config.appSecret,
    code,
    grant_type: "authorization_code",
  });
  const json = await callWechat(opts, { method: "GET", url: `${opts.config.apiBase}/sns/oauth2/access_token?${query}` });
  assertOk(json);
  if (typeof json.openid !== "string" || typeof json.access_token !== "string") {
    throw new WechatApiError(-1, "oauth2/access_token answer without openid", "fatal");
  }
  return { openid: json.openid, scope: String(json.scope ?? ""), accessToken: json.access_token };
}

async function getOAuthUserInfoWith(opts: ResolvedOptions, accessToken: string, openid: string): Promise<OAuthUserInfo> {
  const query = new URLSearchParams({ access_token: accessToken, openid, lang: "zh_CN" });
  const json = await callWechat(opts, { method: "GET", url: `${opts.config.apiBase}/sns/userinfo?${query}` });
  assertOk(json);
  return { nickname: String(json.nickname ?? ""), headimgurl: String(json.headimgurl ?? "") };
}

// The process's client, configured from the environment on first use.
let shared: WechatClient | undefined;
const clientFor = (options?: WechatClientOptions) => (options ? createWechatClient(options) : (shared ??= createWechatClient()));

/** A cached access_token (POST /cgi-bin/stable_token when stale). Pass options only in tests. */
export const getAccessToken = (input?: GetAccessTokenInput, options?: WechatClientOptions) =>
  clientFor(options).getAccessToken(input);

/** POST /cgi-bin/message/template/send; throws WechatApiError with a kind that says what to do next. */
export const sendTemplateMessage = (message: TemplateMessage, options?: WechatClientOptions) =>
  clientFor(options).sendTemplateMessage(message);

/** Where to send the browser inside WeChat to learn the user's openid. */
export const oauthAuthorizeUrl = (input: OAuthAuthorizeInput, options?: WechatClientOptions) =>
  clientFor(options).oauthAuthorizeUrl(input);

/** GET /sns/oauth2/access_token: the one-time code from the OAuth redirect → the user's openid. */
export const exchangeOAuthCode = (code: string, options?: WechatClientOptions) => clientFor(options).exchangeOAuthCode(code);

/** GET /sns/userinfo (snsapi_userinfo only): nickname and avatar URL. */
export const getOAuthUserInfo = (accessToken: string, openid: string, options?: WechatClientOptions) =>
  clientFor(options).getOAuthUserInfo(accessToken, openid);
