import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkIn } from "./check-in";
import { closeSignIn } from "./close-signin";
import { getLiveState } from "./get-live-state";
import { getSignInCode } from "./get-signin-code";
import { openSignIn } from "./open-signin";
import { CODE_WINDOW_MS, codeForWindow } from "./signin-code";
import { freshLimits, makeLiveSchool } from "./test-fixtures";

beforeEach(freshLimits);

const secretOf = async (signInId: string) => (await db.signInSession.findUniqueOrThrow({ where: { id: signInId } })).secret;
const windowNow = () => Math.floor(Date.now() / CODE_WINDOW_MS);

describe("opening sign-in", () => {
  it("lets the course's teacher open it, once, and raises live.signin_opened", async () => {
    const { lesson, as } = await makeLiveSchool();
    const { signIn, code } = await openSignIn(as.teacher, { lessonId: lesson.id, lateAfterMinutes: 10 });
    expect(code.code).toMatch(/^\d{6}$/);
    expect(new Date(signIn.lateAfter).getTime() - new Date(signIn.openedAt).getTime()).toBe(10 * 60_000);
    const again = await openSignIn(as.teacher, { lessonId: lesson.id });
    expect(again.signIn.id).toBe(signIn.id);
    expect(await db.signInSession.count({ where: { lessonId: lesson.id } })).toBe(1);
    const events = await db.domainEvent.findMany({ where: { lessonId: lesson.id, type: "live.signin_opened" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ subjectId: signIn.id, payload: { signInId: signIn.id } });
    expect(await getSignInCode(as.teacher, { lessonId: lesson.id })).toEqual(code);
  });

  it.each([
    ["a student of the course", "student", "auth.forbidden"],
    ["the assistant", "assistant", "auth.forbidden"],
    ["the department admin", "deptAdmin", "auth.forbidden"],
    ["another teacher", "otherTeacher", "not_found"],
    ["a student outside the course", "outsider", "not_found"],
  ] as const)("refuses %s", async (_name, who, code) => {
    const { lesson, as } = await makeLiveSchool();
    await expect(openSignIn(as[who], { lessonId: lesson.id })).rejects.toMatchObject({ code });
    await expect(getSignInCode(as[who], { lessonId: lesson.id })).rejects.toMatchObject({ code });
    expect(await db.signInSession.count({ where: { lessonId: lesson.id } })).toBe(0);
  });

  it("never gives the code or the secret to students", async () => {
    const { lesson, as } = await makeLiveSchool();
    await openSignIn(as.teacher, { lessonId: lesson.id });
    const state = await getLiveState(as.student, lesson.id);
    expect(JSON.stringify(state)).not.toMatch(/"code"|secret/);
  });
});

describe("checking in", () => {
  it("records a student with the current code as present, and does not count them twice", async () => {
    const { lesson, as } = await makeLiveSchool();
    const { code } = await openSignIn(as.teacher, { lessonId: lesson.id });
    const mine = await checkIn(as.student, { lessonId: lesson.id, code: code.code });
    expect(mine.status).toBe("PRESENT");
    expect(await checkIn(as.student, { lessonId: lesson.id, code: ` ${code.code.slice(0, 3)} ${code.code.slice(3)} ` })).toEqual(mine);
    expect(await db.attendance.count({ where: { lessonId: lesson.id } })).toBe(1);
    const state = await getLiveState(as.teacher, lesson.id);
    expect(state.viewer === "staff" && state.attendance).toEqual({ enrolled: 2, present: 1, late: 0, absent: 0 });
  });

  it("accepts the previous window's code but not one two windows old", async () => {
    const { lesson, as } = await makeLiveSchool();
    const { signIn } = await openSignIn(as.teacher, { lessonId: lesson.id });
    const secret = await secretOf(signIn.id);
    await expect(checkIn(as.student, { lessonId: lesson.id, code: codeForWindow(secret, windowNow() - 2) })).rejects.toMatchObject({
      code: "live.signin_code_invalid",
    });
    expect(await db.attendance.count({ where: { lessonId: lesson.id } })).toBe(0);
    expect((await checkIn(as.student, { lessonId: lesson.id, code: codeForWindow(secret, windowNow() - 1) })).status).toBe("PRESENT");
  });

  it.each([["12345"], ["abcdef"], ["1234567"], [""]])("calls %j a wrong code", async (code) => {
    const { lesson, as } = await makeLiveSchool();
    await openSignIn(as.teacher, { lessonId: lesson.id });
    await expect(checkIn(as.student, { lessonId: lesson.id, code })).rejects.toMatchObject({ code: "live.signin_code_invalid" });
  });

  it("records a check-in after the late mark as late", async () => {
    const { lesson, as } = await makeLiveSchool();
    const { signIn, code } = await openSignIn(as.teacher, { lessonId: lesson.id, lateAfterMinutes: 0 });
    await db.signInSession.update({ where: { id: signIn.id }, data: { lateAfter: new Date(Date.now() - 1000) } });
    const mine = await checkIn(as.student, { lessonId: lesson.id, code: code.code });
    expect(mine.status).toBe("LATE");
    expect(mine.checkedInAt).not.toBeNull();
  });

  it("refuses check-ins when no sign-in is open", async () => {
    const { lesson, as } = await makeLiveSchool();
    await expect(checkIn(as.student, { lessonId: lesson.id, code: "123456" })).rejects.toMatchObject({ code: "live.signin_closed" });
    const { code } = await openSignIn(as.teacher, { lessonId: lesson.id });
    await closeSignIn(as.teacher, { lessonId: lesson.id });
    await expect(checkIn(as.student, { lessonId: lesson.id, code: code.code })).rejects.toMatchObject({ code: "live.signin_closed" });
  });

  it.each([
    ["a student outside the course", "outsider", "not_found"],
    ["the teacher", "teacher", "auth.forbidden"],
  ] as const)("refuses %s", async (_name, who, error) => {
    const { lesson, as } = await makeLiveSchool();
    const { code } = await openSignIn(as.teacher, { lessonId: lesson.id });
    await expect(checkIn(as[who], { lessonId: lesson.id, code: code.code })).rejects.toMatchObject({ code: error });
    expect(await db.attendance.count({ where: { lessonId: lesson.id } })).toBe(0);
  });

  it("stops a student guessing codes", async () => {
    const { lesson, as } = await makeLiveSchool();
    const { code } = await openSignIn(as.teacher, { lessonId: lesson.id });
    const wrong = code.code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 10; i++) {
      await expect(checkIn(as.student, { lessonId: lesson.id, code: wrong })).rejects.toMatchObject({ code: "live.signin_code_invalid" });
    }
    await expect(checkIn(as.student, { lessonId: lesson.id, code: code.code })).rejects.toMatchObject({ code: "live.rate_limited" });
    expect((await checkIn(as.student2, { lessonId: lesson.id, code: code.code })).status).toBe("PRESENT");
  });
});

describe("closing sign-in", () => {
  it("marks enrolled students without a check-in absent; they can still check in to a new sign-in, late", async () => {
    const { lesson, as } = await makeLiveSchool();
    const { code } = await openSignIn(as.teacher, { lessonId: lesson.id });
    await checkIn(as.student, { lessonId: lesson.id, code: code.code });
    const closed = await closeSignIn(as.teacher, { lessonId: lesson.id });
    expect(closed.signIn.closedAt).not.toBeNull();
    expect(closed.counts).toEqual({ enrolled: 2, present: 1, late: 0, absent: 1 });
    const rows = await db.attendance.findMany({ where: { lessonId: lesson.id } });
    expect(Object.fromEntries(rows.map((r) => [r.studentId, r.status]))).toEqual({ [as.student.id]: "PRESENT", [as.student2.id]: "ABSENT" });
    await expect(closeSignIn(as.teacher, { lessonId: lesson.id })).rejects.toMatchObject({ code: "live.signin_closed" });

    const reopened = await openSignIn(as.teacher, { lessonId: lesson.id, lateAfterMinutes: 0 });
    await db.signInSession.update({ where: { id: reopened.signIn.id }, data: { lateAfter: new Date(Date.now() - 1000) } });
    expect((await checkIn(as.student2, { lessonId: lesson.id, code: reopened.code.code })).status).toBe("LATE");
    expect((await checkIn(as.student, { lessonId: lesson.id, code: reopened.code.code })).status).toBe("PRESENT");
    const state = await getLiveState(as.student2, lesson.id);
    expect(state.viewer === "student" && state.myAttendance?.status).toBe("LATE");
  });

  it("is for the teacher only", async () => {
    const { lesson, as } = await makeLiveSchool();
    await openSignIn(as.teacher, { lessonId: lesson.id });
    await expect(closeSignIn(as.student, { lessonId: lesson.id })).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(closeSignIn(as.outsider, { lessonId: lesson.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await db.signInSession.count({ where: { lessonId: lesson.id, closedAt: null } })).toBe(1);
  });
});
