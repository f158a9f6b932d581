import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db";
import { assertOk, callWechat, type ResolvedOptions, WechatApiError } from "./http";

/** Refresh this long before expiry, as WeChat itself renews a stable token 5 minutes early. */
export const EARLY_REFRESH_MS = 5 * 60_000;

/** How often a caller waiting for another instance's refresh looks at the row again. */
export const LEASE_POLL_MS = 100;

export interface GetAccessTokenInput {
  forceRefresh?: boolean;
  /**
   * The token WeChat just rejected. With it, a forced refresh is skipped when another caller has already replaced
   * that token: forced refreshes invalidate the previous token and are limited (20 a day), so a burst of sends that
   * all see 40001 must cause one refresh, not one each.
   */
  rejectedToken?: string;
}

interface CachedToken {
  token: string;
  expiresAt: Date;
}

const isFresh = (row: CachedToken | null | undefined, now: Date): row is CachedToken =>
  !!row && row.token !== "" && row.expiresAt.getTime() - now.getTime() > EARLY_REFRESH_MS;

/**
 * access_tokens cached in WechatAccessToken, one refresh at a time: within a process refreshes are shared
 * (single flight); across processes the one that claims the row's lease (`refreshingUntil`, a conditional update)
 * asks WeChat while the others poll the row. Nothing is locked while WeChat answers, so on PGlite (one connection,
 * where an open transaction would hold up every other query) a slow stable_token stalls only the callers that need
 * the token. A lease whose holder died runs out and is taken over.
 */
export class AccessTokenCache {
  private inflight = new Map<string, Promise<string>>();
  // Saves a query per send. If another process replaced the token, WeChat rejects this one and the forced refresh
  // (with rejectedToken) picks up theirs from the row.
  private memo: CachedToken | undefined;

  constructor(private readonly opts: ResolvedOptions) {}

  async get(input: GetAccessTokenInput = {}): Promise<string> {
    const { appId } = this.opts.config;
    if (!input.forceRefresh) {
      if (isFresh(this.memo, this.opts.now())) return this.memo.token;
      const row = await db.wechatAccessToken.findUnique({ where: { appId } });
      if (isFresh(row, this.opts.now())) return this.remember(row);
    }
    const key = `${input.forceRefresh ? "force" : "normal"}:${input.rejectedToken ?? ""}`;
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.refresh(input)
        .then((row) => this.remember(row))
        .finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }

  private remember(row: CachedToken): string {
    this.memo = { token: row.token, expiresAt: row.expiresAt };
    return row.token;
  }

  /** Long enough for every try of stable_token and its backoff. */
  private leaseMs(): number {
    return this.opts.maxAttempts * (this.opts.config.timeoutMs + 4_000) + 5_000;
  }

  /** Someone else's token will do: a fresh one, unless forced — then only one that replaced the rejected token. */
  private usable(row: CachedToken, input: GetAccessTokenInput): boolean {
    if (!isFresh(row, this.opts.now())) return false;
    if (!input.forceRefresh) return true;
    return input.rejectedToken !== undefined && row.token !== input.rejectedToken;
  }

  private async refresh(input: GetAccessTokenInput): Promise<CachedToken> {
    const { appId } = this.opts.config;
    await db.wechatAccessToken.createMany({ data: [{ appId, token: "", expiresAt: new Date(0) }], skipDuplicates: true });
    for (;;) {
      const row = await db.wechatAccessToken.findUniqueOrThrow({ where: { appId } });
      if (this.usable(row, input)) return row;
      const now = this.opts.now();
      const leaseUntil = new Date(now.getTime() + this.leaseMs());
      const { count } = await db.wechatAccessToken.updateMany({
        where: { appId, OR: [{ refreshingUntil: null }, { refreshingUntil: { lt: now } }] },
        data: { refreshingUntil: leaseUntil },
      });
      if (count === 1) return this.refreshUnderLease(input, leaseUntil);
      // Another caller holds the lease: its token (or its lease running out) is what we wait for.
      await sleep(LEASE_POLL_MS);
    }
  }

  private async refreshUnderLease(input: GetAccessTokenInput, leaseUntil: Date): Promise<CachedToken> {
    const { appId } = this.opts.config;
    // Only while the lease is still ours: a holder that outlived it must not undo its successor's work.
    const ours = { appId, refreshingUntil: leaseUntil };
    let fetched: CachedToken;
    try {
      // Someone may have written a token between our read and our claim.
      const row = await db.wechatAccessToken.findUniqueOrThrow({ where: { appId } });
      if (this.usable(row, input)) {
        await db.wechatAccessToken.updateMany({ where: ours, data: { refreshingUntil: null } });
        return row;
      }
      fetched = await this.fetchStableToken(!!input.forceRefresh);
    } catch (error) {
      await db.wechatAccessToken.updateMany({ where: ours, data: { refreshingUntil: null } });
      throw error;
    }
    await db.wechatAccessToken.updateMany({ where: ours, data: { ...fetched, refreshingUntil: null } });
    return fetched;
  }

  private async fetchStableToken(forceRefresh: boolean): Promise<CachedToken> {
    const { apiBase, appId, appSecret } = this.opts.config;
    const json = await callWechat(this.opts, {
      method: "POST",
      url: `${apiBase}/cgi-bin/stable_token`,
      body: { grant_type: "client_credential", appid: appId, secret: appSecret, force_refresh: forceRefresh },
    });
    try {
      assertOk(json);
    } catch (error) {
      // Here a "fatal" errcode means the credentials themselves (40013 bad AppID, 40125 bad secret, 40164 IP).
      if (error instanceof WechatApiError && error.kind === "fatal") {
        throw new WechatApiError(error.errcode, error.errmsg, "token");
      }
      throw error;
    }
    const token = json.access_token;
    const expiresIn = json.expires_in;
    if (typeof token !== "string" || !token || typeof expiresIn !== "number" || expiresIn <= 0) {
      throw new WechatApiError(-1, "stable_token answer without access_token", "token");
    }
    return { token, expiresAt: new Date(this.opts.now().getTime() + expiresIn * 1000) };
  }
}
