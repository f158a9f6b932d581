import { randomBytes } from "node:crypto";
import { NO_FAULTS, type SimFaults } from "./faults";
import { type SimUser, type SimUserInput, toSimUser } from "./users";

/** A template message as the simulated user received it. */
export interface SimTemplateMessage {
  msgid: string;
  openid: string;
  templateId: string;
  url: string;
  data: Record<string, { value: string }>;
  clientMsgId?: string;
  receivedAt: Date;
}

/** One line of a user's conversation with the account, shown on the simulated phone. */
export interface SimChatEntry {
  from: "user" | "app" | "system";
  text: string;
  at: Date;
  error?: string;
}

export interface SimStats {
  stableToken: number;
  forceRefresh: number;
  templateSend: number;
  oauthExchange: number;
}

interface IssuedToken {
  expiresAt: number;
}

interface OAuthCode {
  openid: string;
  scope: string;
  expiresAt: number;
  used: boolean;
}

interface OAuthToken {
  openid: string;
  scope: string;
  expiresAt: number;
}

/** WeChat keeps client_msg_id for 10 minutes. */
const CLIENT_MSG_ID_WINDOW_MS = 10 * 60_000;
const OAUTH_CODE_TTL_MS = 5 * 60_000;
export const OAUTH_TOKEN_TTL_SECONDS = 7200;

const randomHex = (bytes: number) => randomBytes(bytes).toString("hex");

/** Everything the simulated WeChat knows, in memory. */
export class SimWorld {
  readonly users = new Map<string, SimUser>();
  readonly messages: SimTemplateMessage[] = [];
  readonly chats = new Map<string, SimChatEntry[]>();
  readonly stats: SimStats = { stableToken: 0, forceRefresh: 0, templateSend: 0, oauthExchange: 0 };
  faults: SimFaults = NO_FAULTS;

  private tokens = new Map<string, IssuedToken>();
  private currentToken: string | undefined;
  private sentByClientMsgId = new Map<string, SimTemplateMessage>();
  private codes = new Map<string, OAuthCode>();
  private oauthTokens = new Map<string, OAuthToken>();
  private nextTemplateMsgId = 200_228_332;
  private nextUserMsgId = 24_000_000_000_000_000n;

  constructor(
    private readonly now: () => Date,
    private readonly tokenTtlSeconds: number,
  ) {}

  addUser(input: SimUserInput): SimUser {
    const user = toSimUser(input, this.users);
    this.users.set(user.openid, user);
    return user;
  }

  // ── access_token (stable_token semantics) ─────────────────────────────────────────────────────────────────────

  /**
   * Normal mode returns the current token while it is valid, and a new one in its last stretch (WeChat renews 5 of
   * 7200 seconds early; here the same 1/24 of the TTL) while the old one stays valid until it expires.
   * Forced mode invalidates every earlier token at once.
   */
  issueAccessToken(forceRefresh: boolean): { token: string; expiresIn: number } {
    const now = this.now().getTime();
    this.stats.stableToken++;
    if (forceRefresh) {
      this.stats.forceRefresh++;
      this.tokens.clear();
      this.currentToken = undefined;
    }
    const current = this.currentToken ? this.tokens.get(this.currentToken) : undefined;
    const renewWindowMs = (this.tokenTtlSeconds * 1000) / 24;
    if (this.currentToken && current && current.expiresAt - now > renewWindowMs) {
      return { token: this.currentToken, expiresIn: Math.floor((current.expiresAt - now) / 1000) };
    }
    const token = `SIMTOKEN_${randomHex(40)}`;
    this.tokens.set(token, { expiresAt: now + this.tokenTtlSeconds * 1000 });
    this.currentToken = token;
    return { token, expiresIn: this.tokenTtlSeconds };
  }

  /** The errcode WeChat would answer for this access_token, or 0. */
  checkAccessToken(token: string | null): { errcode: number; errmsg: string } {
    if (!token) return { errcode: 41001, errmsg: "access_token missing" };
    if (!token.startsWith("SIMTOKEN_")) return { errcode: 40014, errmsg: "invalid access_token" };
    const issued = this.tokens.get(token);
    if (!issued) return { errcode: 40001, errmsg: "invalid credential, access_token is invalid or not latest" };
    if (issued.expiresAt <= this.now().getTime()) return { errcode: 42001, errmsg: "access_token expired" };
    return { errcode: 0, errmsg: "ok" };
  }

  expireAllTokens(): void {
    const past = this.now().getTime() - 1;
    for (const issued of this.tokens.values()) issued.expiresAt = past;
    this.currentToken = undefined;
  }

  // ── template messages ─────────────────────────────────────────────────────────────────────────────────────────

  /** Stores a sent message; a repeated openid + client_msg_id within 10 minutes returns the first one instead. */
  recordTemplateMessage(input: Omit<SimTemplateMessage, "msgid" | "receivedAt">): { message: SimTemplateMessage; duplicate: boolean } {
    const now = this.now().getTime();
    const dedupeKey = input.clientMsgId ? `${input.openid}\n${input.clientMsgId}` : undefined;
    const earlier = dedupeKey ? this.sentByClientMsgId.get(dedupeKey) : undefined;
    if (earlier && now - earlier.receivedAt.getTime() < CLIENT_MSG_ID_WINDOW_MS) return { message: earlier, duplicate: true };
    const message = { ...input, msgid: String(this.nextTemplateMsgId++), receivedAt: new Date(now) };
    this.messages.push(message);
    if (dedupeKey) this.sentByClientMsgId.set(dedupeKey, message);
    return { message, duplicate: false };
  }

  messagesFor(openid: string): SimTemplateMessage[] {
    return this.messages.filter((message) => message.openid === openid);
  }

  // ── conversation ──────────────────────────────────────────────────────────────────────────────────────────────

  newUserMsgId(): string {
    return String(this.nextUserMsgId++);
  }

  addChat(openid: string, entry: Omit<SimChatEntry, "at">): SimChatEntry {
    const full = { ...entry, at: this.now() };
    const chat = this.chats.get(openid) ?? [];
    chat.push(full);
    this.chats.set(openid, chat);
    return full;
  }

  // ── web OAuth ─────────────────────────────────────────────────────────────────────────────────────────────────

  issueOAuthCode(openid: string, scope: string): string {
    const code = randomHex(16);
    this.codes.set(code, { openid, scope, expiresAt: this.now().getTime() + OAUTH_CODE_TTL_MS, used: false });
    return code;
  }

  /** One-time codes, valid 5 minutes: 40029 for unknown or expired ones, 40163 for a second use. */
  redeemOAuthCode(code: string): { errcode: number; errmsg: string } | { token: string; openid: string; scope: string } {
    this.stats.oauthExchange++;
    const entry = this.codes.get(code);
    if (!entry || entry.expiresAt <= this.now().getTime()) return { errcode: 40029, errmsg: "invalid code" };
    if (entry.used) return { errcode: 40163, errmsg: "code been used" };
    entry.used = true;
    const token = `SIMOAUTH_${randomHex(32)}`;
    this.oauthTokens.set(token, {
      openid: entry.openid,
      scope: entry.scope,
      expiresAt: this.now().getTime() + OAUTH_TOKEN_TTL_SECONDS * 1000,
    });
    return { token, openid: entry.openid, scope: entry.scope };
  }

  oauthTokenFor(token: string | null, openid: string | null): { errcode: number; errmsg: string } | OAuthToken {
    if (!token) return { errcode: 41001, errmsg: "access_token missing" };
    const entry = this.oauthTokens.get(token);
    if (!entry) return { errcode: 40001, errmsg: "invalid credential, access_token is invalid or not latest" };
    if (entry.expiresAt <= this.now().getTime()) return { errcode: 42001, errmsg: "access_token expired" };
    if (entry.openid !== openid) return { errcode: 40003, errmsg: "invalid openid" };
    return entry;
  }
}
