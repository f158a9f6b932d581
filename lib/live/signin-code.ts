import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** The code on the board changes every 30 s. */
export const CODE_WINDOW_MS = 30_000;

export const newSignInSecret = () => randomBytes(32).toString("hex");

const windowOf = (at: number) => Math.floor(at / CODE_WINDOW_MS);

/** HMAC(secret, window) reduced to six digits, with the dynamic truncation of TOTP (RFC 4226 §5.3). */
export function codeForWindow(secret: string, window: number): string {
  const mac = createHmac("sha256", secret).update(String(window)).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const value = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 1_000_000).padStart(6, "0");
}

export function currentSignInCode(secret: string, now = Date.now()): { code: string; expiresAt: Date } {
  const window = windowOf(now);
  return { code: codeForWindow(secret, window), expiresAt: new Date((window + 1) * CODE_WINDOW_MS) };
}

/**
 * The current code or the one just before it: a student reading the board at the last second still gets in, and so
 * does a phone whose clock or typing lags a little. Anything older is refused.
 */
export function isValidSignInCode(secret: string, code: string, now = Date.now()): boolean {
  const window = windowOf(now);
  return [window, window - 1].some((w) => sameCode(codeForWindow(secret, w), code));
}

function sameCode(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
