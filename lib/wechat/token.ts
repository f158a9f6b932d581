import { db } from "@/lib/db";
import { assertOk, callWechat, type ResolvedOptions, WechatApiError } from "./http";

/** Refresh this long before expiry, as WeChat itself renews a stable token 5 minutes early. */
export const EARLY_REFRESH_MS = 5 * 60_000;

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
 * (single flight), across processes the row is locked with SELECT … FOR UPDATE while one of them asks WeChat.
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

  private refresh(input: GetAccessTokenInput): Promise<CachedToken> {
    const { appId, timeoutMs } = this.opts.config;
    // The lock is held while WeChat answers: long enough for every try, its backoff, and the queue in front of us.
    const budgetMs = this.opts.maxAttempts * (timeoutMs + 4_000) + 5_000;
    return db.$transaction(
      async (tx) => {
        await tx.$executeRaw`
          INSERT INTO "WechatAccessToken" ("appId", "token", "expiresAt", "updatedAt")
          VALUES (${appId}, '', 'epoch'::timestamp, (now() AT TIME ZONE 'UTC'))
          ON CONFLICT ("appId") DO NOTHING`;
        const [locked] = await tx.$queryRaw<{ token: string; expiresAt: Date }[]>`
          SELECT "token", "expiresAt" FROM "WechatAccessToken" WHERE "appId" = ${appId} FOR UPDATE`;
        const row = { token: locked.token, expiresAt: new Date(locked.expiresAt) };
        const now = this.opts.now();
        // Someone refreshed while we waited for the lock: use theirs.
        if (!input.forceRefresh && isFresh(row, now)) return row;
        if (input.forceRefresh && input.rejectedToken !== undefined && row.token !== input.rejectedToken && isFresh(row, now)) {
          return row;
        }
        const fetched = await this.fetchStableToken(!!input.forceRefresh);
        await tx.wechatAccessToken.update({ where: { appId }, data: fetched });
        return fetched;
      },
      { maxWait: budgetMs, timeout: budgetMs },
    );
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
