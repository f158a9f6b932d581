import { beforeAll, describe, expect, it } from "vitest";
import { runAction } from "@/lib/action";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { actorOf, makeUser } from "@/tests/factories";
import { changePassword } from "./change-password";
import { ChangePasswordSchema } from "./schemas";

const CURRENT = "Current1pass";
let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword(CURRENT);
});

async function newUser(no?: string) {
  const user = await makeUser("STUDENT", { passwordHash, no });
  return db.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
}

/** What the action does: the form's fields through the schema, then the domain function. */
const submit = (user: Awaited<ReturnType<typeof newUser>>, input: Record<string, unknown>) =>
  runAction(ChangePasswordSchema, input, (data) => changePassword(actorOf(user), data));

describe("changePassword", () => {
  it("sets the new password, clears the first-login flag and ends older sessions", async () => {
    const user = await newUser();
    const result = await submit(user, { currentPassword: CURRENT, newPassword: "Brand1new", confirmPassword: "Brand1new" });
    expect(result).toEqual({ ok: true, data: undefined });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.mustChangePassword).toBe(false);
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await verifyPassword(after.passwordHash, "Brand1new")).toBe(true);
    expect(await verifyPassword(after.passwordHash, CURRENT)).toBe(false);
  });

  it.each([
    ["wrong current password", { currentPassword: "Wrong1pass", newPassword: "Brand1new", confirmPassword: "Brand1new" }, { code: "auth.wrong_password" }],
    ["new equals current", { currentPassword: CURRENT, newPassword: CURRENT, confirmPassword: CURRENT }, { code: "auth.password_same" }],
    [
      "too weak",
      { currentPassword: CURRENT, newPassword: "short1", confirmPassword: "short1" },
      { code: "validation", fieldErrors: { newPassword: ["validation.password_rule"] } },
    ],
    [
      "no digit",
      { currentPassword: CURRENT, newPassword: "lettersonly", confirmPassword: "lettersonly" },
      { code: "validation", fieldErrors: { newPassword: ["validation.password_rule"] } },
    ],
    [
      "confirmation differs",
      { currentPassword: CURRENT, newPassword: "Brand1new", confirmPassword: "Brand1neW" },
      { code: "validation", fieldErrors: { confirmPassword: ["validation.password_mismatch"] } },
    ],
    [
      "current password missing",
      { currentPassword: "", newPassword: "Brand1new", confirmPassword: "Brand1new" },
      { code: "validation", fieldErrors: { currentPassword: ["validation.required"] } },
    ],
  ])("refuses a change with %s and changes nothing", async (_name, input, expected) => {
    const user = await newUser();
    expect(await submit(user, input)).toEqual({ ok: false, ...expected });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(user);
  });

  it("refuses the 学号/工号 as the new password", async () => {
    const user = await newUser(`Stu${Date.now()}`);
    const result = await submit(user, { currentPassword: CURRENT, newPassword: user.no, confirmPassword: user.no });
    expect(result).toMatchObject({ ok: false, code: "auth.password_same" });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(user);
  });

  it("reports a user that no longer exists as not_found", async () => {
    const user = await newUser();
    await db.user.delete({ where: { id: user.id } });
    await expect(changePassword(actorOf(user), { currentPassword: CURRENT, newPassword: "Brand1new", confirmPassword: "Brand1new" }))
      .rejects.toMatchObject({ code: "not_found" });
  });
});
