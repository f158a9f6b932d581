import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimFaults } from "./faults";
import { parseJsonObject, readBody, sendText, sendWechat, wechatError } from "./http-util";
import type { SimTemplate } from "./pages";
import type { SimUser } from "./users";
import { OAUTH_TOKEN_TTL_SECONDS, type SimTemplateMessage, type SimWorld } from "./world";

export interface ApiContext {
  world: SimWorld;
  appId: string;
  appSecret: string;
  templates: Record<string, SimTemplate>;
  faults: () => SimFaults;
  random: () => number;
  /** Base URL of the simulator (for headimgurl). */
  url: string;
  /** Called after a new template message was stored (not for a de-duplicated repeat). */
  onTemplateSent: (message: SimTemplateMessage, user: SimUser) => void;
  /** Keeps the response open without answering until the client gives up or the simulator closes. */
  hold: (res: ServerResponse) => void;
}

/** client_msg_id is limited to 64 bytes (45067 beyond). */
const CLIENT_MSG_ID_MAX_BYTES = 64;

/** WeChat's server API on /cgi-bin and /sns. Returns false for an unknown path. */
export async function handleApi(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const slowMs = ctx.faults().slowMs;
  if (slowMs) await new Promise((resolve) => setTimeout(resolve, slowMs));
  switch (url.pathname) {
    case "/cgi-bin/stable_token":
      await stableToken(ctx, req, res);
      return true;
    case "/cgi-bin/message/template/send":
      await templateSend(ctx, req, res, url);
      return true;
    case "/sns/oauth2/access_token":
      oauthAccessToken(ctx, req, res, url);
      return true;
    case "/sns/userinfo":
      userInfo(ctx, req, res, url);
      return true;
    default:
      return false;
  }
}

async function stableToken(ctx: ApiContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== "POST") return wechatError(res, 43002, "require POST method");
  const body = parseJsonObject(await readBody(req));
  if (!body) return wechatError(res, 47001, "data format error");
  if (body.grant_type !== "client_credential") return wechatError(res, 40002, "invalid grant_type");
  if (body.appid !== ctx.appId) return wechatError(res, 40013, "invalid appid");
  if (body.secret !== ctx.appSecret) return wechatError(res, 40125, "invalid appsecret");
  const { token, expiresIn } = ctx.world.issueAccessToken(body.force_refresh === true);
  sendWechat(res, { access_token: token, expires_in: expiresIn });
}

function isTemplateData(value: unknown): value is Record<string, { value: string }> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  return Object.values(value).every(
    (entry) => !!entry && typeof entry === "object" && typeof (entry as { value?: unknown }).value === "string",
  );
}

async function templateSend(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const { world } = ctx;
  world.stats.templateSend++;
  const faults = ctx.faults();
  const roll = (rate: number) => rate > 0 && ctx.random() < rate;
  if (roll(faults.errorRate5xx)) return sendText(res, 503, "<html><body>503 Service Unavailable</body></html>", "text/html");
  if (roll(faults.busyRate)) return wechatError(res, -1, "system error");
  if (req.method !== "POST") return wechatError(res, 43002, "require POST method");
  const tokenCheck = world.checkAccessToken(url.searchParams.get("access_token"));
  if (tokenCheck.errcode) return wechatError(res, tokenCheck.errcode, tokenCheck.errmsg);
  const body = parseJsonObject(await readBody(req));
  if (!body) return wechatError(res, 47001, "data format error");
  const user = typeof body.touser === "string" ? world.users.get(body.touser) : undefined;
  if (!user) return wechatError(res, 40003, "invalid openid");
  if (typeof body.template_id !== "string" || !ctx.templates[body.template_id]) {
    return wechatError(res, 40037, "invalid template_id");
  }
  if (!isTemplateData(body.data)) return wechatError(res, 47001, "data format error");
  const clientMsgId = body.client_msg_id;
  if (clientMsgId !== undefined && (typeof clientMsgId !== "string" || Buffer.byteLength(clientMsgId) > CLIENT_MSG_ID_MAX_BYTES)) {
    return wechatError(res, 45067, "clientmsgid size out of limit");
  }
  if (roll(faults.quotaRate)) return wechatError(res, 45009, "reach max api daily quota limit");
  if (!user.subscribed) return wechatError(res, 43004, "require subscribe");
  const { message, duplicate } = world.recordTemplateMessage({
    openid: user.openid,
    templateId: body.template_id,
    url: typeof body.url === "string" ? body.url : "",
    data: body.data,
    clientMsgId,
  });
  if (!duplicate) ctx.onTemplateSent(message, user);
  if (roll(faults.timeoutRate)) return ctx.hold(res);
  sendWechat(res, { errcode: 0, errmsg: "ok", msgid: Number(message.msgid) });
}

function oauthAccessToken(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const query = url.searchParams;
  if (req.method !== "GET") return wechatError(res, 43001, "require GET method");
  if (query.get("appid") !== ctx.appId) return wechatError(res, 40013, "invalid appid");
  if (query.get("secret") !== ctx.appSecret) return wechatError(res, 40125, "invalid appsecret");
  if (query.get("grant_type") !== "authorization_code") return wechatError(res, 40002, "invalid grant_type");
  const redeemed = ctx.world.redeemOAuthCode(query.get("code") ?? "");
  if ("errcode" in redeemed) return wechatError(res, redeemed.errcode, redeemed.errmsg);
  sendWechat(res, {
    access_token: redeemed.token,
    expires_in: OAUTH_TOKEN_TTL_SECONDS,
    refresh_token: `SIMREFRESH_${redeemed.token.slice(-16)}`,
    openid: redeemed.openid,
    scope: redeemed.scope,
  });
}

function userInfo(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  if (req.method !== "GET") return wechatError(res, 43001, "require GET method");
  const openid = url.searchParams.get("openid");
  const grant = ctx.world.oauthTokenFor(url.searchParams.get("access_token"), openid);
  if ("errcode" in grant) return wechatError(res, grant.errcode, grant.errmsg);
  if (!grant.scope.split(",").includes("snsapi_userinfo")) return wechatError(res, 48001, "api unauthorized");
  const user = ctx.world.users.get(grant.openid);
  if (!user) return wechatError(res, 40003, "invalid openid");
  sendWechat(res, {
    openid: user.openid,
    nickname: user.nickname,
    sex: 0,
    province: "",
    city: "",
    country: "",
    headimgurl: `${ctx.url}/avatar/${user.openid}.svg`,
    privilege: [],
  });
}
