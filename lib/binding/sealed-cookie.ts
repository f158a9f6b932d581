import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/** What a sealed value is for; part of the authenticated data, so one kind can never pass for another. */
export type SealPurpose = "wechat-oauth-state" | "wechat-bind-ticket";

export interface SealOptions {
  /** Defaults to NEXTAUTH_SECRET, which every instance shares. */
  secret?: string;
  now?: Date;
}

function keyOf(secret: string | undefined): Buffer {
  const material = secret ?? process.env.NEXTAUTH_SECRET;
  if (!material) throw new Error("NEXTAUTH_SECRET is not set");
  return Buffer.from(hkdfSync("sha256", material, "medblend", "wechat sealed cookies", 32));
}

/**
 * Encrypts and authenticates a small JSON payload for a cookie (AES-256-GCM), with an expiry inside: the browser
 * can carry it but can neither read it (an openid is personal data) nor change it.
 */
export function seal(purpose: SealPurpose, payload: Record<string, unknown>, ttlMs: number, options: SealOptions = {}): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(options.secret), iv);
  cipher.setAAD(Buffer.from(purpose));
  const exp = (options.now ?? new Date()).getTime() + ttlMs;
  const body = Buffer.concat([cipher.update(JSON.stringify({ ...payload, exp }), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The payload of a sealed value, or null when it is missing, altered, sealed for another purpose or expired. */
export function unseal(purpose: SealPurpose, value: string | undefined, options: SealOptions = {}): Record<string, unknown> | null {
  if (!value || value.length > 4096) return null;
  const raw = Buffer.from(value, "base64url");
  if (raw.length < 12 + 16 + 1) return null;
  const key = keyOf(options.secret);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(raw.subarray(12, 28));
    const json = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    const payload = JSON.parse(json) as Record<string, unknown>;
    const exp = payload.exp;
    if (typeof exp !== "number" || exp <= (options.now ?? new Date()).getTime()) return null;
    return payload;
  } catch {
    return null;
  }
}
