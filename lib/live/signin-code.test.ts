import { describe, expect, it } from "vitest";
import { CODE_WINDOW_MS, codeForWindow, currentSignInCode, isValidSignInCode, newSignInSecret } from "./signin-code";

describe("rotating sign-in codes", () => {
  const secret = newSignInSecret();
  const now = 1_790_000_012_345;
  const window = Math.floor(now / CODE_WINDOW_MS);

  it("gives six digits that change every 30 s and differ between sign-ins", () => {
    const { code, expiresAt } = currentSignInCode(secret, now);
    expect(code).toMatch(/^\d{6}$/);
    expect(code).toBe(codeForWindow(secret, window));
    expect(expiresAt.getTime()).toBe((window + 1) * CODE_WINDOW_MS);
    expect(currentSignInCode(secret, expiresAt.getTime() - 1).code).toBe(code);
    const codes = new Set(Array.from({ length: 20 }, (_, i) => codeForWindow(secret, window + i)));
    expect(codes.size).toBeGreaterThan(15);
    expect(codeForWindow(newSignInSecret(), window)).not.toBe(code);
  });

  it("accepts the current and the previous code, nothing older or newer", () => {
    expect(isValidSignInCode(secret, codeForWindow(secret, window), now)).toBe(true);
    expect(isValidSignInCode(secret, codeForWindow(secret, window - 1), now)).toBe(true);
    expect(isValidSignInCode(secret, codeForWindow(secret, window - 2), now)).toBe(false);
    expect(isValidSignInCode(secret, codeForWindow(secret, window + 1), now)).toBe(false);
    expect(isValidSignInCode(secret, "12345", now)).toBe(false);
    expect(isValidSignInCode(secret, "", now)).toBe(false);
  });
});
