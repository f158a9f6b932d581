import type { ServerResponse } from "node:http";
import { redirect, sendHtml } from "./http-util";
import { renderConsent, renderErrorPage, renderUserPicker } from "./pages";
import type { SimWorld } from "./world";

export interface OAuthPageContext {
  world: SimWorld;
  appId: string;
  accountName: string;
  /** Hosts redirect_uri may point at (the account's 网页授权域名); empty = any. */
  redirectHosts: readonly string[];
}

const SCOPES = ["snsapi_base", "snsapi_userinfo"];
const STATE_MAX_BYTES = 128;

/**
 * GET /connect/oauth2/authorize. WeChat knows who holds the phone; the simulator asks first (sim_openid), then
 * for snsapi_userinfo shows the consent sheet (sim_confirm=allow|deny), then redirects to redirect_uri with a
 * one-time code and the state — or, when the user refuses, with the state only.
 */
export function handleAuthorize(ctx: OAuthPageContext, res: ServerResponse, url: URL): void {
  const query = url.searchParams;
  const fail = (code: number, detail: string) => sendHtml(res, 400, renderErrorPage(`无法打开此链接（${code}）`, detail));
  if (query.get("appid") !== ctx.appId) return fail(10016, "appid 参数错误");
  const redirectUri = query.get("redirect_uri");
  if (!redirectUri) return fail(10011, "redirect_uri 不能为空");
  let target: URL;
  try {
    target = new URL(redirectUri);
  } catch {
    return fail(10011, "redirect_uri 参数错误");
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") return fail(10011, "redirect_uri 参数错误");
  if (ctx.redirectHosts.length && !ctx.redirectHosts.includes(target.host)) return fail(10003, "redirect_uri 域名与后台配置不一致");
  if (query.get("response_type") !== "code") return fail(10014, "response_type 必须为 code");
  const scope = query.get("scope");
  if (!scope) return fail(10010, "scope 不能为空");
  if (!SCOPES.includes(scope)) return fail(10005, "此公众号并没有这些 scope 的权限");
  const state = query.get("state") ?? "";
  if (Buffer.byteLength(state) > STATE_MAX_BYTES) return fail(10013, "state 参数过长");

  const withParams = (extra: Record<string, string>) => {
    const next = new URLSearchParams(query);
    for (const [key, value] of Object.entries(extra)) next.set(key, value);
    return `/connect/oauth2/authorize?${next}`;
  };
  const openid = query.get("sim_openid");
  if (!openid) {
    return sendHtml(res, 200, renderUserPicker([...ctx.world.users.values()], ctx.accountName, (id) => withParams({ sim_openid: id })));
  }
  const user = ctx.world.users.get(openid);
  if (!user) return fail(40003, "没有这位模拟微信用户");
  const confirm = query.get("sim_confirm");
  if (scope === "snsapi_userinfo" && confirm !== "allow") {
    if (confirm === "deny") {
      target.searchParams.set("state", state);
      return redirect(res, 302, target.toString());
    }
    return sendHtml(
      res,
      200,
      renderConsent(user, ctx.accountName, withParams({ sim_confirm: "allow" }), withParams({ sim_confirm: "deny" })),
    );
  }
  target.searchParams.set("code", ctx.world.issueOAuthCode(user.openid, scope));
  target.searchParams.set("state", state);
  redirect(res, 302, target.toString());
}
