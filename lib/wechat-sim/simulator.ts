import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { wechatConfig } from "@/lib/wechat/config";
import { handleAdmin } from "./admin-routes";
import { type ApiContext, handleApi } from "./api";
import type { CallbackMode, CallbackTarget } from "./callback";
import { type DeliverInput, deliverToApp, type DeliveryContext, type SimDelivery } from "./delivery";
import { FaultsInputSchema, FaultsSchema, type SimFaults, type SimFaultsInput } from "./faults";
import { BodyTooLargeError, sendJson, sendText } from "./http-util";
import { handleAuthorize, type OAuthPageContext } from "./oauth-page";
import { renderAvatarSvg, type SimTemplate } from "./pages";
import { handlePhone, handlePhoneIndex, type PhoneContext } from "./phone-routes";
import { configuredTemplates } from "./templates";
import { DEFAULT_SIM_USERS, type SimUser, type SimUserInput } from "./users";
import { type SimStats, type SimTemplateMessage, SimWorld } from "./world";

export interface WechatSimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Credentials; default: lib/wechat/config.ts, i.e. the same environment the app reads. */
  appId?: string;
  appSecret?: string;
  token?: string;
  encodingAesKey?: string;
  /** The app's callback (/api/wechat/callback): a URL, or in tests a function standing in for the route handler. */
  callback?: CallbackTarget;
  /** How deliveries to the callback are sent; default "aes" (safe mode, what WeChat recommends). */
  callbackMode?: CallbackMode;
  /** The service account's original id (ToUserName of every delivery). */
  accountId?: string;
  accountName?: string;
  /** access_token lifetime; default 7200 s like WeChat. */
  tokenTtlSeconds?: number;
  /** Default: a handful of followers (DEFAULT_SIM_USERS). */
  users?: readonly SimUserInput[];
  /** Template id → wording; default: the configured template id of every push kind. */
  templates?: Record<string, SimTemplate>;
  /** Hosts an OAuth redirect_uri may point at (WeChat's 网页授权域名); default any. */
  oauthRedirectHosts?: readonly string[];
  /** Report each template send's outcome to the callback (TEMPLATESENDJOBFINISH); default true. */
  templateFinishEvents?: boolean;
  /** How long WeChat waits for the app's answer before delivering again; default 5000 ms. */
  callbackTimeoutMs?: number;
  faults?: SimFaultsInput;
  now?: () => Date;
  /** Drives the fault rolls (tests pass a seeded one). */
  random?: () => number;
  log?: (line: string) => void;
}

export interface WechatSimulator {
  url: string;
  port: number;
  /** Stops: scheduled deliveries are dropped, running ones are waited for. */
  close(): Promise<void>;
  readonly users: SimUser[];
  /** Every template message stored, in order. */
  readonly received: SimTemplateMessage[];
  messagesFor(openid: string): SimTemplateMessage[];
  readonly deliveries: SimDelivery[];
  readonly stats: SimStats;
  readonly faults: SimFaults;
  /** Replaces the injected faults (missing ones are off); `expireTokens: true` expires every token issued so far. */
  setFaults(input: SimFaultsInput): void;
  addUser(input: SimUserInput): SimUser;
  setCallback(target: CallbackTarget | undefined): void;
  /** A user's message or event, sent to the app's callback signed (and in safe mode encrypted) like WeChat. */
  deliverToApp(input: DeliverInput): Promise<SimDelivery>;
  /** Resolves when no delivery is scheduled or in flight (TEMPLATESENDJOBFINISH goes out after the send). */
  idle(): Promise<void>;
}

export async function startWechatSimulator(options: WechatSimulatorOptions = {}): Promise<WechatSimulator> {
  const config = wechatConfig();
  const credentials = {
    appId: options.appId ?? config.appId,
    token: options.token ?? config.token,
    encodingAesKey: options.encodingAesKey ?? config.encodingAesKey,
  };
  const appSecret = options.appSecret ?? config.appSecret;
  const accountId = options.accountId ?? "gh_5e1f0medblend";
  const accountName = options.accountName ?? "杏林课堂";
  const templates = options.templates ?? configuredTemplates(config);
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const log = options.log ?? (() => {});
  const sendFinishEvents = options.templateFinishEvents ?? true;
  let callback = options.callback;

  const world = new SimWorld(now, options.tokenTtlSeconds ?? 7200);
  for (const user of options.users ?? DEFAULT_SIM_USERS) world.addUser(user);
  const deliveries: SimDelivery[] = [];
  const held = new Set<ServerResponse>();
  const pending = new Set<Promise<unknown>>();
  const timers = new Set<NodeJS.Timeout>();

  const setFaults = (input: SimFaultsInput) => {
    const { expireTokens, ...rest } = FaultsInputSchema.parse(input);
    if (expireTokens) world.expireAllTokens();
    world.faults = FaultsSchema.parse(rest);
  };
  if (options.faults) setFaults(options.faults);

  const track = <T>(promise: Promise<T>): Promise<T> => {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise)).catch(() => {});
    return promise;
  };

  const deliveryContext: DeliveryContext = {
    world,
    credentials,
    accountId,
    defaultMode: options.callbackMode ?? "aes",
    callback: () => callback,
    timeoutMs: options.callbackTimeoutMs ?? 5000,
    random,
    now,
    log,
    deliveries,
  };
  const deliver = (input: DeliverInput) => track(deliverToApp(deliveryContext, input));

  function onTemplateSent(message: SimTemplateMessage, user: SimUser) {
    log(`template ${message.templateId} → ${user.nickname} (msgid ${message.msgid})`);
    if (!sendFinishEvents || !callback) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      deliver({
        type: "event",
        openid: user.openid,
        event: "TEMPLATESENDJOBFINISH",
        fields: { MsgID: message.msgid, Status: user.blocksTemplates ? "failed:user block" : "success" },
      }).catch((error) => log(`TEMPLATESENDJOBFINISH failed: ${error}`));
    }, 20);
    timers.add(timer);
  }

  const host = options.host ?? "127.0.0.1";
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://${host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host}:${port}`;

  const apiContext: ApiContext = {
    world,
    appId: credentials.appId,
    appSecret,
    templates,
    faults: () => world.faults,
    random,
    url: baseUrl,
    onTemplateSent,
    hold: (response) => {
      held.add(response);
      response.on("close", () => held.delete(response));
    },
  };
  const oauthContext: OAuthPageContext = {
    world,
    appId: credentials.appId,
    accountName,
    redirectHosts: options.oauthRedirectHosts ?? [],
  };
  const phoneContext: PhoneContext = { world, accountName, templates, deliver, origin: baseUrl };
  const adminContext = {
    world,
    deliveries: () => deliveries,
    setFaults,
    setCallback: (url: string | undefined) => void (callback = url),
    deliver,
  };

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", baseUrl);
    const path = url.pathname;
    if ((path.startsWith("/cgi-bin/") || path.startsWith("/sns/")) && (await handleApi(apiContext, req, res, url))) return;
    if (path === "/connect/oauth2/authorize" && req.method === "GET") return handleAuthorize(oauthContext, res, url);
    if (path === "/" || path === "/phone") return handlePhoneIndex(phoneContext, res);
    const phonePath = path.match(/^\/phone\/([^/]+)(?:\/(send|follow))?$/);
    if (phonePath) return handlePhone(phoneContext, req, res, decodeURIComponent(phonePath[1]), phonePath[2] as "send" | "follow" | undefined);
    const avatarPath = path.match(/^\/avatar\/([^/]+)\.svg$/);
    const avatarUser = avatarPath ? world.users.get(decodeURIComponent(avatarPath[1])) : undefined;
    if (avatarUser) return sendText(res, 200, renderAvatarSvg(avatarUser), "image/svg+xml");
    if (path.startsWith("/sim/admin/")) return handleAdmin(adminContext, req, res, path);
    sendJson(res, 404, { errcode: 404, errmsg: "not found" });
  }

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((error) => {
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, { errcode: 413, errmsg: "body too large" });
      log(`error: ${error instanceof Error ? error.stack : error}`);
      if (!res.headersSent) sendJson(res, 500, { errcode: -1, errmsg: "system error" });
    });
  });

  return {
    url: baseUrl,
    port,
    get users() {
      return [...world.users.values()];
    },
    get received() {
      return [...world.messages];
    },
    messagesFor: (openid) => world.messagesFor(openid),
    get deliveries() {
      return [...deliveries];
    },
    stats: world.stats,
    get faults() {
      return world.faults;
    },
    setFaults,
    addUser: (input) => world.addUser(input),
    setCallback(target) {
      callback = target;
    },
    deliverToApp: deliver,
    async idle() {
      while (timers.size || pending.size) {
        await Promise.allSettled([...pending]);
        if (timers.size && !pending.size) await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const res of held) res.destroy();
      // Deliveries still running would reach the app after the caller thinks the simulator is gone.
      await Promise.allSettled([...pending]);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
