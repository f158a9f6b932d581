import { z } from "zod";
import { isDemoMode } from "@/lib/env";
import { PUSH_KINDS, type PushKind } from "./push-kinds";

/** Where the local WeChat simulator listens by default (npm run wechat:sim; started by npm start in demo mode). */
export const SIMULATOR_PORT = 3900;

const SIMULATOR_BASE = `http://127.0.0.1:${SIMULATOR_PORT}`;

type Env = Record<string, string | undefined>;

/** The environment variable holding a push kind's template id, e.g. WECHAT_TEMPLATE_LIVE_TOPIC. */
export const templateVariableOf = (kind: PushKind) => `WECHAT_TEMPLATE_${kind.toUpperCase()}`;

/**
 * The simulator's service account. These values are published in the repository, so they are used in demo mode
 * only: anywhere else a callback signed with the demo token would be accepted as WeChat's.
 */
const DEMO_DEFAULTS: Record<string, string> = {
  WECHAT_APP_ID: "wx0medblend0demo0",
  WECHAT_APP_SECRET: "medblend-demo-secret",
  WECHAT_TOKEN: "medblenddemotoken",
  WECHAT_ENCODING_AES_KEY: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
  WECHAT_API_BASE: SIMULATOR_BASE,
  WECHAT_OPEN_BASE: SIMULATOR_BASE,
  ...Object.fromEntries(PUSH_KINDS.map((kind) => [templateVariableOf(kind), `demo_tpl_${kind}`])),
};

/** Outside demo mode only where WeChat itself is has a default. */
const PRODUCTION_DEFAULTS: Record<string, string> = {
  WECHAT_API_BASE: "https://api.weixin.qq.com",
  WECHAT_OPEN_BASE: "https://open.weixin.qq.com",
};

const TemplateId = z.string().min(1).max(128);

const ConfigSchema = z.object({
  WECHAT_APP_ID: z.string().min(1),
  WECHAT_APP_SECRET: z.string().min(1),
  /** The callback token configured in the service account's 服务器配置. */
  WECHAT_TOKEN: z.string().min(3).max(32),
  /** 43 characters, also from 服务器配置; the callback accepts safe (AES) mode with it. */
  WECHAT_ENCODING_AES_KEY: z.string().length(43),
  WECHAT_API_BASE: z.url(),
  WECHAT_OPEN_BASE: z.url(),
  WECHAT_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
});

export interface WechatConfig {
  appId: string;
  appSecret: string;
  token: string;
  encodingAesKey: string;
  apiBase: string;
  openBase: string;
  timeoutMs: number;
  /** Template id per push kind: WECHAT_TEMPLATE_<KIND> (e.g. WECHAT_TEMPLATE_LIVE_TOPIC). */
  templates: Record<PushKind, string>;
}

/** WeChat's settings, or which variables are missing or invalid: then every WeChat feature is off. */
export type WechatSetup = { ok: true; config: WechatConfig } | { ok: false; problems: string[] };

/**
 * WeChat settings from the environment. In demo mode (lib/env.ts) whatever is not set points at the local simulator,
 * so demo and tests need nothing. Outside demo mode the credentials, the callback token and AES key and a template id
 * for every push kind must all be set (the API bases default to WeChat's own); if one is missing, WeChat is off: the
 * callback answers 503 without looking at the request and the dispatcher sends nothing, so pushes stay queued.
 */
export function wechatSetup(env: Env = process.env, demo = isDemoMode()): WechatSetup {
  const defaults = demo ? DEMO_DEFAULTS : PRODUCTION_DEFAULTS;
  const given = Object.fromEntries(Object.entries(env).filter(([name, value]) => name.startsWith("WECHAT_") && value));
  const values: Record<string, string | undefined> = { ...defaults, ...given };
  const parsed = ConfigSchema.safeParse(values);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path[0]))),
    ...PUSH_KINDS.map(templateVariableOf).filter((name) => !TemplateId.safeParse(values[name]).success),
  ];
  if (!parsed.success || problems.length) return { ok: false, problems: [...new Set(problems)].sort() };
  const vars = parsed.data;
  return {
    ok: true,
    config: {
      appId: vars.WECHAT_APP_ID,
      appSecret: vars.WECHAT_APP_SECRET,
      token: vars.WECHAT_TOKEN,
      encodingAesKey: vars.WECHAT_ENCODING_AES_KEY,
      apiBase: vars.WECHAT_API_BASE.replace(/\/$/, ""),
      openBase: vars.WECHAT_OPEN_BASE.replace(/\/$/, ""),
      timeoutMs: vars.WECHAT_TIMEOUT_MS,
      templates: Object.fromEntries(PUSH_KINDS.map((kind) => [kind, values[templateVariableOf(kind)]])) as Record<PushKind, string>,
    },
  };
}

export class WechatNotConfiguredError extends Error {
  constructor(readonly problems: string[]) {
    super(`WeChat is off: ${problems.join(", ")} missing or invalid (outside demo mode nothing falls back to the demo account)`);
    this.name = "WechatNotConfiguredError";
  }
}

let reported = "";

/** The settings, or null when WeChat is off (said once in the log, with what is missing). */
export function findWechatConfig(env: Env = process.env, demo = isDemoMode()): WechatConfig | null {
  const setup = wechatSetup(env, demo);
  if (setup.ok) return setup.config;
  const message = new WechatNotConfiguredError(setup.problems).message;
  if (message !== reported) console.warn(`[wechat] ${message}; the callback answers 503 and pushes stay queued.`);
  reported = message;
  return null;
}

/** The settings; throws WechatNotConfiguredError when WeChat is off. */
export function wechatConfig(env: Env = process.env, demo = isDemoMode()): WechatConfig {
  const setup = wechatSetup(env, demo);
  if (!setup.ok) throw new WechatNotConfiguredError(setup.problems);
  return setup.config;
}
