import { describe, expect, it } from "vitest";
import { PasswordSchema, hashPassword, temporaryPassword, timingDummyHash, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes with argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("Abcdefg1");
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, "Abcdefg1")).toBe(true);
    expect(await verifyPassword(hash, "abcdefg1")).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
  });

  it("treats a stored value that is not a hash as a mismatch instead of throwing", async () => {
    expect(await verifyPassword("not-a-hash", "anything1")).toBe(false);
    expect(await verifyPassword("", "anything1")).toBe(false);
  });

  it("keeps one dummy hash that matches no real password", async () => {
    const dummy = await timingDummyHash();
    expect(await timingDummyHash()).toBe(dummy);
    expect(await verifyPassword(dummy, "Abcdefg1")).toBe(false);
  });
});

describe("PasswordSchema", () => {
  it.each([
    ["short", "Abc1234", "validation.password_rule"],
    ["letters only", "Abcdefghij", "validation.password_rule"],
    ["digits only", "1234567890", "validation.password_rule"],
    ["empty", "", "validation.password_rule"],
    ["too long", `A1${"x".repeat(127)}`, "validation.too_big"],
  ])("refuses a %s password with %s", (_name, value, key) => {
    const result = PasswordSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain(key);
  });

  it.each(["Abcdefg1", "12345678a", "长密码也可以abc123", `A1${"x".repeat(126)}`])("accepts %s", (value) => {
    expect(PasswordSchema.safeParse(value).success).toBe(true);
  });
});

describe("temporaryPassword", () => {
  it("always satisfies the password rule and avoids look-alike characters", () => {
    for (let i = 0; i < 200; i++) {
      const password = temporaryPassword();
      expect(password).toHaveLength(10);
      expect(PasswordSchema.safeParse(password).success, password).toBe(true);
      expect(password).not.toMatch(/[01IOlo]/);
    }
  });
});
