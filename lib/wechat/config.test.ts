import { describe, expect, it } from "vitest";
import { WechatNotConfiguredError, templateVariableOf, wechatConfig, wechatSetup } from "./config";
import { PUSH_KINDS } from "./push-kinds";

const TEMPLATE_VARIABLES = PUSH_KINDS.map(templateVariableOf);

/** A complete production setup: the service account's credentials, 服务器配置 and one template per kind. */
const PRODUCTION: Record<string, string> = {
  WECHAT_APP_ID: "wx1234567890abcdef",
  WECHAT_APP_SECRET: "0123456789abcdef0123456789abcdef",
  WECHAT_TOKEN: "schooltoken2026",
  WECHAT_ENCODING_AES_KEY: "Z".repeat(43),
  ...Object.fromEntries(TEMPLATE_VARIABLES.map((name) => [name, `tpl-${name.toLowerCase()}`])),
};

const without = (env: Record<string, string>, ...names: string[]) => Object.fromEntries(Object.entries(env).filter(([name]) => !names.includes(name)));

describe("wechatSetup", () => {
  it("in demo mode fills what is not set with the simulator's account", () => {
    const setup = wechatSetup({ WECHAT_TEMPLATE_LIVE_TOPIC: "mine" }, true);
    expect(setup).toMatchObject({
      ok: true,
      config: { appId: "wx0medblend0demo0", token: "medblenddemotoken", apiBase: "http://127.0.0.1:3900", openBase: "http://127.0.0.1:3900" },
    });
    expect(setup.ok && setup.config.templates).toMatchObject({ live_topic: "mine", peer_review: "demo_tpl_peer_review" });
  });

  it("outside demo mode uses nothing of the demo account: with nothing set WeChat is off and says what is missing", () => {
    expect(wechatSetup({}, false)).toEqual({
      ok: false,
      problems: ["WECHAT_APP_ID", "WECHAT_APP_SECRET", "WECHAT_ENCODING_AES_KEY", "WECHAT_TOKEN", ...TEMPLATE_VARIABLES].sort(),
    });
    expect(() => wechatConfig({}, false)).toThrow(WechatNotConfiguredError);
  });

  it("outside demo mode takes a complete setup, with WeChat's own API as the default", () => {
    const setup = wechatSetup(PRODUCTION, false);
    expect(setup).toMatchObject({
      ok: true,
      config: { appId: "wx1234567890abcdef", token: "schooltoken2026", apiBase: "https://api.weixin.qq.com", openBase: "https://open.weixin.qq.com", timeoutMs: 5000 },
    });
    expect(setup.ok && Object.values(setup.config.templates)).toEqual(TEMPLATE_VARIABLES.map((name) => `tpl-${name.toLowerCase()}`));
  });

  it.each([
    ["the callback token", without(PRODUCTION, "WECHAT_TOKEN"), ["WECHAT_TOKEN"]],
    ["an empty app secret", { ...PRODUCTION, WECHAT_APP_SECRET: "" }, ["WECHAT_APP_SECRET"]],
    ["the peer review template", without(PRODUCTION, "WECHAT_TEMPLATE_PEER_REVIEW"), ["WECHAT_TEMPLATE_PEER_REVIEW"]],
    ["a valid AES key (42 characters)", { ...PRODUCTION, WECHAT_ENCODING_AES_KEY: "Z".repeat(42) }, ["WECHAT_ENCODING_AES_KEY"]],
    ["a valid API base", { ...PRODUCTION, WECHAT_API_BASE: "api.weixin.qq.com" }, ["WECHAT_API_BASE"]],
  ])("outside demo mode switches WeChat off without %s", (_name, env, problems) => {
    expect(wechatSetup(env, false)).toEqual({ ok: false, problems });
  });

  it("refuses an invalid value in demo mode too, rather than replacing it with a demo one", () => {
    expect(wechatSetup({ WECHAT_TOKEN: "x" }, true)).toEqual({ ok: false, problems: ["WECHAT_TOKEN"] });
  });
});
