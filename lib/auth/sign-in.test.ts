import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { makeUser } from "@/tests/factories";
import { loadActor } from "./actor";
import { signInWithPassword } from "./options";
import { hashPassword } from "./password";
import { LOGIN_MAX_FAILURES, LOGIN_WINDOW_MS, isLoginBlocked } from "./rate-limit";

const PASSWORD = "Correct1horse";
let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

// Every test uses its own accounts and addresses: the attempt log is shared by the whole file.
const newIp = () => `10.${[...randomBytes(3)].join(".")}`;
const newStudent = (options: { no?: string } = {}) => makeUser("STUDENT", { passwordHash, ...options });

async function failTimes(times: number, no: string, ip: () => string) {
  for (let i = 0; i < times; i++) {
    await expect(signInWithPassword({ no, password: "wrong-password1" }, ip())).rejects.toMatchObject({ code: "auth.invalid_credentials" });
  }
}

describe("signInWithPassword", () => {
  it("signs in with the right password and records the login", async () => {
    const user = await newStudent();
    const ip = newIp();
    await expect(signInWithPassword({ no: user.no, password: PASSWORD }, ip)).resolves.toEqual({
      id: user.id,
      name: user.name,
      role: "STUDENT",
      sessionVersion: 0,
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).toBeInstanceOf(Date);
    expect(await db.loginAttempt.findMany({ where: { ip }, select: { no: true, success: true } })).toEqual([{ no: user.no, success: true }]);
  });

  it("trims the number the way the form sends it", async () => {
    const user = await newStudent();
    await expect(signInWithPassword({ no: ` ${user.no} `, password: PASSWORD }, newIp())).resolves.toMatchObject({ id: user.id });
  });

  it("gives one generic error for a wrong password, an unknown account and a disabled account", async () => {
    const user = await newStudent();
    const disabled = await newStudent();
    await db.user.update({ where: { id: disabled.id }, data: { disabled: true } });
    const attempts: [string, { no: string; password: string }][] = [
      ["wrong password", { no: user.no, password: "Wrong1password" }],
      ["unknown account", { no: `nobody-${user.no}`, password: PASSWORD }],
      ["disabled account, right password", { no: disabled.no, password: PASSWORD }],
    ];
    for (const [name, credentials] of attempts) {
      const ip = newIp();
      const error = await signInWithPassword(credentials, ip).catch((e: unknown) => e);
      expect(error, name).toMatchObject({ code: "auth.invalid_credentials", message: "auth.invalid_credentials" });
      expect(await db.loginAttempt.findMany({ where: { ip }, select: { no: true, success: true } }), name).toEqual([
        { no: credentials.no, success: false },
      ]);
    }
    const rows = await db.user.findMany({ where: { id: { in: [user.id, disabled.id] } } });
    expect(rows.map((u) => u.lastLoginAt)).toEqual([null, null]);
  });

  it.each([
    ["empty object", {}],
    ["empty number", { no: "", password: PASSWORD }],
    ["blank number", { no: "   ", password: PASSWORD }],
    ["empty password", { no: "someone", password: "" }],
    ["10 KB password", { no: "someone", password: "x".repeat(10_240) }],
    ["10 KB number", { no: "x".repeat(10_240), password: PASSWORD }],
    ["not strings", { no: 2023010101, password: ["a"] }],
    ["null", null],
    ["a string", "no=admin&password=x"],
  ])("refuses malformed input (%s) with the generic error and changes no user", async (_name, input) => {
    const before = await db.user.findMany({ orderBy: { id: "asc" } });
    const ip = newIp();
    await expect(signInWithPassword(input, ip)).rejects.toMatchObject({ code: "auth.invalid_credentials" });
    expect(await db.user.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    // Only attempt rows may appear, and they stay within the column limits.
    for (const attempt of await db.loginAttempt.findMany({ where: { ip } })) expect(attempt.no.length).toBeLessThanOrEqual(64);
  });
});

describe("login rate limit", () => {
  it(`blocks an account after ${LOGIN_MAX_FAILURES} failures, even from new addresses and with the right password`, async () => {
    const user = await newStudent();
    await failTimes(LOGIN_MAX_FAILURES, user.no, newIp);
    await expect(signInWithPassword({ no: user.no, password: PASSWORD }, newIp())).rejects.toMatchObject({ code: "auth.rate_limited" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).toBeNull();
  });

  it("does not block an account one failure below the limit", async () => {
    const user = await newStudent();
    await failTimes(LOGIN_MAX_FAILURES - 1, user.no, newIp);
    await expect(signInWithPassword({ no: user.no, password: PASSWORD }, newIp())).resolves.toMatchObject({ id: user.id });
  });

  it("blocks an address that failed on several accounts, and only that address", async () => {
    const ip = newIp();
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      const victim = await newStudent();
      await failTimes(1, victim.no, () => ip);
    }
    const user = await newStudent();
    await expect(signInWithPassword({ no: user.no, password: PASSWORD }, ip)).rejects.toMatchObject({ code: "auth.rate_limited" });
    await expect(signInWithPassword({ no: user.no, password: PASSWORD }, newIp())).resolves.toMatchObject({ id: user.id });
  });

  it("lets no more than the limit through when guesses arrive in parallel", async () => {
    const user = await newStudent();
    const ip = newIp();
    const guesses = Array.from({ length: 4 * LOGIN_MAX_FAILURES }, (_, i) => ({ no: user.no, password: `Guess${i}pass` }));
    const codes = await Promise.all(guesses.map((guess) => signInWithPassword(guess, newIp()).catch((e: AppError) => e.code)));
    expect(codes.filter((c) => c === "auth.invalid_credentials").length).toBeLessThanOrEqual(LOGIN_MAX_FAILURES);
    expect(codes.filter((c) => c !== "auth.invalid_credentials").every((c) => c === "auth.rate_limited")).toBe(true);
    expect(await db.loginAttempt.count({ where: { no: user.no } })).toBeLessThanOrEqual(LOGIN_MAX_FAILURES);
    // The same across accounts from one address.
    const accounts = await Promise.all(guesses.map(() => newStudent()));
    const fromOneIp = await Promise.all(
      accounts.map((account) => signInWithPassword({ no: account.no, password: "Wrong1pass" }, ip).catch((e: AppError) => e.code)),
    );
    expect(fromOneIp.filter((c) => c === "auth.invalid_credentials").length).toBeLessThanOrEqual(LOGIN_MAX_FAILURES);
  });

  it("forgets failures older than the window", async () => {
    const user = await newStudent();
    const ip = newIp();
    const old = new Date(Date.now() - LOGIN_WINDOW_MS - 60_000);
    await db.loginAttempt.createMany({
      data: Array.from({ length: LOGIN_MAX_FAILURES * 2 }, () => ({ no: user.no, ip, success: false, createdAt: old })),
    });
    expect(await isLoginBlocked(user.no, ip)).toBe(false);
    await expect(signInWithPassword({ no: user.no, password: PASSWORD }, ip)).resolves.toMatchObject({ id: user.id });
  });

  it("counts failures just inside the window", async () => {
    const user = await newStudent();
    const recent = new Date(Date.now() - LOGIN_WINDOW_MS + 60_000);
    await db.loginAttempt.createMany({
      data: Array.from({ length: LOGIN_MAX_FAILURES }, () => ({ no: user.no, ip: newIp(), success: false, createdAt: recent })),
    });
    await expect(signInWithPassword({ no: user.no, password: PASSWORD }, newIp())).rejects.toMatchObject({ code: "auth.rate_limited" });
  });

  it("starts the count again after a successful sign-in", async () => {
    const user = await newStudent();
    await failTimes(LOGIN_MAX_FAILURES - 1, user.no, newIp);
    await signInWithPassword({ no: user.no, password: PASSWORD }, newIp());
    await failTimes(LOGIN_MAX_FAILURES - 1, user.no, newIp);
    await expect(signInWithPassword({ no: user.no, password: PASSWORD }, newIp())).resolves.toMatchObject({ id: user.id });
    await failTimes(LOGIN_MAX_FAILURES, user.no, newIp);
    await expect(signInWithPassword({ no: user.no, password: PASSWORD }, newIp())).rejects.toMatchObject({ code: "auth.rate_limited" });
  });

  it("keeps refusing while blocked without growing the attempt log per blocked try", async () => {
    const user = await newStudent();
    await failTimes(LOGIN_MAX_FAILURES, user.no, newIp);
    const before = await db.loginAttempt.count({ where: { no: user.no } });
    for (let i = 0; i < 3; i++) {
      await expect(signInWithPassword({ no: user.no, password: PASSWORD }, newIp())).rejects.toMatchObject({ code: "auth.rate_limited" });
    }
    expect(await db.loginAttempt.count({ where: { no: user.no } })).toBe(before);
  });
});

describe("loadActor", () => {
  it("returns the actor for the current session version", async () => {
    const user = await makeUser("TEACHER", { departmentId: null });
    await expect(loadActor(user.id, 0)).resolves.toEqual({
      id: user.id,
      no: user.no,
      name: user.name,
      role: "TEACHER",
      departmentId: null,
      mustChangePassword: false,
    });
    // Tokens issued before session versions existed carry none; they stand for version 0.
    await expect(loadActor(user.id, undefined)).resolves.toMatchObject({ id: user.id });
  });

  it("returns null for a stale session version, a disabled or missing user, or no user id", async () => {
    const stale = await makeUser("STUDENT");
    await db.user.update({ where: { id: stale.id }, data: { sessionVersion: 1 } });
    const disabled = await makeUser("STUDENT");
    await db.user.update({ where: { id: disabled.id }, data: { disabled: true } });
    await expect(loadActor(stale.id, 0)).resolves.toBeNull();
    await expect(loadActor(stale.id, undefined)).resolves.toBeNull();
    await expect(loadActor(stale.id, 1)).resolves.toMatchObject({ id: stale.id });
    await expect(loadActor(disabled.id, 0)).resolves.toBeNull();
    await expect(loadActor("c-missing", 0)).resolves.toBeNull();
    await expect(loadActor(undefined, 0)).resolves.toBeNull();
  });
});
