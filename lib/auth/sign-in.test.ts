import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { makeUser } from "@/tests/factories";
import { loadActor } from "./actor";
import { signInWithPassword } from "./options";
import { hashPassword } from "./password";
import { LOGIN_MAX_FAILURES_PER_ACCOUNT as LOGIN_MAX_FAILURES, LOGIN_MAX_FAILURES_PER_IP, LOGIN_WINDOW_MS, isLoginBlocked } from "./rate-limit";

const PASSWORD = "Correct1horse";
let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

// Every test uses its own accounts and addresses: the attempt log is shared by the whole file.
const newIp = () => `10.${[...randomBytes(3)].join(".")}`;
const newStudent = (options: { no?: string } = {}) => makeUser("STUDENT", { passwordHash, ...options });

/** Failed attempts written straight into the log (a hundred real ones would each cost a password hash). */
async function seedFailures(count: number, key: { no?: string; ip?: string }, createdAt = new Date()) {
  await db.loginAttempt.createMany({
    data: Array.from({ length: count }, (_, i) => ({ no: key.no ?? `seeded-${i}`, ip: key.ip ?? newIp(), success: false, createdAt })),
  });
}

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

  it("blocks an address after its failures on any accounts reach the per-address limit, and only that address", async () => {
    const ip = newIp();
    await seedFailures(LOGIN_MAX_FAILURES_PER_IP - 1, { ip });
    await failTimes(1, `nobody-${ip}`, () => ip);
    const user = await newStudent();
    await expect(signInWithPassword({ no: user.no, password: PASSWORD }, ip)).rejects.toMatchObject({ code: "auth.rate_limited" });
    await expect(signInWithPassword({ no: user.no, password: PASSWORD }, newIp())).resolves.toMatchObject({ id: user.id });
  });

  it("does not let a success from the address reset its count (one account would otherwise unlock spraying)", async () => {
    const ip = newIp();
    await seedFailures(LOGIN_MAX_FAILURES_PER_IP - 1, { ip });
    const insider = await newStudent();
    await expect(signInWithPassword({ no: insider.no, password: PASSWORD }, ip)).resolves.toMatchObject({ id: insider.id });
    await failTimes(1, `nobody-${ip}`, () => ip);
    await expect(signInWithPassword({ no: insider.no, password: PASSWORD }, ip)).rejects.toMatchObject({ code: "auth.rate_limited" });
  });

  it("lets a class behind one NAT address sign in at once, typos included, while guessing one account there still stops", async () => {
    const natIp = newIp();
    const students = await Promise.all(Array.from({ length: 40 }, () => newStudent()));
    // Every fourth student mistypes first, all at the same moment as the others' first tries.
    const firstTries = await Promise.all(
      students.map((s, i) => signInWithPassword({ no: s.no, password: i % 4 ? PASSWORD : "Typo1password" }, natIp).catch((e: AppError) => e.code)),
    );
    expect(firstTries.filter((r) => r === "auth.invalid_credentials")).toHaveLength(10);
    const retries = await Promise.all(students.filter((_, i) => i % 4 === 0).map((s) => signInWithPassword({ no: s.no, password: PASSWORD }, natIp)));
    expect(retries).toHaveLength(10);
    // Someone in the same room guessing a classmate's password is stopped after the per-account limit.
    const victim = await newStudent();
    await failTimes(LOGIN_MAX_FAILURES, victim.no, () => natIp);
    await expect(signInWithPassword({ no: victim.no, password: PASSWORD }, natIp)).rejects.toMatchObject({ code: "auth.rate_limited" });
    // The rest of the class is not.
    const late = await newStudent();
    await expect(signInWithPassword({ no: late.no, password: PASSWORD }, natIp)).resolves.toMatchObject({ id: late.id });
  });

  it("lets no more than the limit through when guesses arrive in parallel", async () => {
    const user = await newStudent();
    const ip = newIp();
    const guesses = Array.from({ length: 4 * LOGIN_MAX_FAILURES }, (_, i) => ({ no: user.no, password: `Guess${i}pass` }));
    const codes = await Promise.all(guesses.map((guess) => signInWithPassword(guess, newIp()).catch((e: AppError) => e.code)));
    expect(codes.filter((c) => c === "auth.invalid_credentials").length).toBeLessThanOrEqual(LOGIN_MAX_FAILURES);
    expect(codes.filter((c) => c !== "auth.invalid_credentials").every((c) => c === "auth.rate_limited")).toBe(true);
    expect(await db.loginAttempt.count({ where: { no: user.no } })).toBeLessThanOrEqual(LOGIN_MAX_FAILURES);
    // The same across accounts from one address, a few failures below its limit.
    const headroom = 5;
    await seedFailures(LOGIN_MAX_FAILURES_PER_IP - headroom, { ip });
    const fromOneIp = await Promise.all(
      guesses.map((_, i) => signInWithPassword({ no: `nobody-${i}-${ip}`, password: "Wrong1pass" }, ip).catch((e: AppError) => e.code)),
    );
    expect(fromOneIp.filter((c) => c === "auth.invalid_credentials").length).toBeLessThanOrEqual(headroom);
    expect(fromOneIp.filter((c) => c !== "auth.invalid_credentials").every((c) => c === "auth.rate_limited")).toBe(true);
  });

  it("forgets failures older than the window, for the account and for the address", async () => {
    const user = await newStudent();
    const ip = newIp();
    const old = new Date(Date.now() - LOGIN_WINDOW_MS - 60_000);
    await seedFailures(LOGIN_MAX_FAILURES * 2, { no: user.no, ip }, old);
    await seedFailures(LOGIN_MAX_FAILURES_PER_IP, { ip }, old);
    expect(await isLoginBlocked(user.no, ip)).toBe(false);
    await expect(signInWithPassword({ no: user.no, password: PASSWORD }, ip)).resolves.toMatchObject({ id: user.id });
  });

  it("counts failures just inside the window, for the account and for the address", async () => {
    const user = await newStudent();
    const recent = new Date(Date.now() - LOGIN_WINDOW_MS + 60_000);
    await seedFailures(LOGIN_MAX_FAILURES, { no: user.no }, recent);
    await expect(signInWithPassword({ no: user.no, password: PASSWORD }, newIp())).rejects.toMatchObject({ code: "auth.rate_limited" });
    const ip = newIp();
    await seedFailures(LOGIN_MAX_FAILURES_PER_IP, { ip }, recent);
    expect(await isLoginBlocked(`nobody-${ip}`, ip)).toBe(true);
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
