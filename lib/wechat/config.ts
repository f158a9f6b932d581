import { z } from "zod";
import { PUSH_KINDS, type PushKind } from "./push-kinds";

/** Where the local WeChat simulator listens by default (npm run wechat:sim; started by npm start in demo mode). */
export const SIMULATOR_PORT = 3900;

const ConfigSchema = z.object({
  WECHAT_APP_ID: z.string().min(1).default("wx0medblend0demo0"),
  WECHAT_APP_SECRET: z.string().min(1).default("medblend-demo-secret"),
  /** The callback token configured in the service account's 服务器配置. */
  WECHAT_TOKEN: z.string().min(3).max(32).default("medblenddemotoken"),
  /** 43 characters; with it the callback accepts safe (AES) mode. */
  WECHAT_ENCODING_AES_KEY: z.string().length(43).default("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"),
  WECHAT_API_BASE: z.string().url().default(`http://127.0.0.1:${SIMULATOR_PORT}`),
  WECHAT_OPEN_BASE: z.string().url().default(`http://127.0.0.1:${SIMULATOR_PORT}`),
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
  /** Template id per push kind: WECHAT_TEMPLATE_<KIND> (e.g. WECHAT_TEMPLATE_LIVE_TOPIC), or a demo id. */
  templates: Record<PushKind, string>;
}

/** WeChat settings from the environment. Defaults point at the local simulator, so demo and tests need none. */
export function wechatConfig(env: NodeJS.ProcessEnv = process.env): WechatConfig {
  const parsed = ConfigSchema.parse(env);
  const templates = Object.fromEntries(
    PUSH_KINDS.map((kind) => [kind, env[`WECHAT_TEMPLATE_${kind.toUpperCase()}`] || `demo_tpl_${kind}`]),
  ) as Record<PushKind, string>;
  return {
    appId: parsed.WECHAT_APP_ID,
    appSecret: parsed.WECHAT_APP_SECRET,
    token: parsed.WECHAT_TOKEN,
    encodingAesKey: parsed.WECHAT_ENCODING_AES_KEY,
    apiBase: parsed.WECHAT_API_BASE.replace(/\/$/, ""),
    openBase: parsed.WECHAT_OPEN_BASE.replace(/\/$/, ""),
    timeoutMs: parsed.WECHAT_TIMEOUT_MS,
    templates,
  };
}
