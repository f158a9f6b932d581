import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/action";
import { db } from "@/lib/db";
import { actorOf, makeUser } from "@/tests/factories";
import { bindWechat } from "./bind-wechat";
import { CONSENT_TEXT_VERSION } from "./consent";
import { getWechatSettings } from "./queries";
import { WechatSettingsSchema } from "./schemas";
import { boundUser, newOpenid } from "./test-fixtures";
import { unbindWechat } from "./unbind-wechat";
import { updateWechatSettings } from "./update-wechat-settings";

/** What the action does: the form's fields through the schema, then the domain function. */
const save = (actor: Parameters<typeof updateWechatSettings>[0], form: Record<string, unknown>) =>
  runAction(WechatSettingsSchema, form, (input) => updateWechatSettings(actor, input));

const STUDENT_KINDS = ["preclass_feedback", "live_topic", "quiz_published", "homework_published", "deadline_reminder", "peer_review"];

describe("getWechatSettings", () => {
  it("shows a student without a binding every student kind switched on and no history", async () => {
    const user = await makeUser("STUDENT");
    expect(await getWechatSettings(actorOf(user))).toEqual({
      binding: null,
      preferences: STUDENT_KINDS.map((kind) => ({ kind, enabled: true })),
      consents: [],
    });
  });

  it("offers staff the feedback summary too", async () => {
    const teacher = await makeUser("TEACHER");
    expect((await getWechatSettings(actorOf(teacher))).preferences.map((p) => p.kind)).toContain("feedback_summary");
  });

  it("shows the actor's own binding and history only, newest first, with the openid shortened", async () => {
    const { user, actor, openid } = await boundUser();
    await bindWechat(actor, { openid, nickname: "小林", consentTextVersion: CONSENT_TEXT_VERSION });
    await boundUser();
    await unbindWechat(actor);
    const settings = await getWechatSettings(actor);
    expect(settings.binding).toMatchObject({ state: "unbound", nickname: "小林", quietStartMinute: 1320, quietEndMinute: 420 });
    expect(settings.consents.map((c) => [c.action, c.openidTail, c.textVersion])).toEqual([
      ["WITHDRAWN", openid.slice(-4), CONSENT_TEXT_VERSION],
      ["GRANTED", openid.slice(-4), CONSENT_TEXT_VERSION],
      ["GRANTED", openid.slice(-4), CONSENT_TEXT_VERSION],
    ]);
    expect(JSON.stringify(settings)).not.toContain(openid);
    expect(await db.wechatConsent.count({ where: { userId: user.id } })).toBe(3);
  });

  it.each([
    ["active", {}],
    ["unsubscribed", { subscribed: false }],
    ["unreachable", { status: "UNREACHABLE" as const, statusReason: "wechat:43004" }],
  ])("tells the student the binding is %s", async (state, data) => {
    const { user, actor } = await boundUser();
    await db.wechatBinding.update({ where: { userId: user.id }, data });
    expect((await getWechatSettings(actor)).binding?.state).toBe(state);
  });
});

describe("updateWechatSettings", () => {
  it("saves the ticked kinds on, the others off, and the quiet hours", async () => {
    const { user, actor } = await boundUser();
    const result = await save(actor, { kinds: ["live_topic", "quiz_published"], quietStart: "23:30", quietEnd: "06:15" });
    expect(result).toEqual({ ok: true, data: undefined });
    const settings = await getWechatSettings(actor);
    expect(settings.preferences).toEqual([
      { kind: "preclass_feedback", enabled: false },
      { kind: "live_topic", enabled: true },
      { kind: "quiz_published", enabled: true },
      { kind: "homework_published", enabled: false },
      { kind: "deadline_reminder", enabled: false },
      { kind: "peer_review", enabled: false },
    ]);
    expect(settings.binding).toMatchObject({ quietStartMinute: 23 * 60 + 30, quietEndMinute: 6 * 60 + 15 });
    // A student has no switch for the staff-only kind, so saving never writes it.
    expect(await db.notificationPreference.findUnique({ where: { userId_kind: { userId: user.id, kind: "feedback_summary" } } })).toBeNull();
  });

  it("accepts a single ticked kind, none at all, and equal start and end (no quiet hours)", async () => {
    const { actor } = await boundUser();
    expect(await save(actor, { kinds: "deadline_reminder", quietStart: "08:00", quietEnd: "08:00" })).toMatchObject({ ok: true });
    expect((await getWechatSettings(actor)).preferences.filter((p) => p.enabled).map((p) => p.kind)).toEqual(["deadline_reminder"]);
    expect(await save(actor, { quietStart: "22:00", quietEnd: "07:00" })).toMatchObject({ ok: true });
    expect((await getWechatSettings(actor)).preferences.every((p) => !p.enabled)).toBe(true);
  });

  it.each([
    ["a start that is not a time", { kinds: [], quietStart: "25:00", quietEnd: "07:00" }, { quietStart: ["validation.invalid_format"] }],
    ["a missing end", { kinds: [], quietStart: "22:00" }, { quietEnd: ["validation.required"] }],
    ["an unknown kind", { kinds: ["grades"], quietStart: "22:00", quietEnd: "07:00" }, { "kinds.0": ["validation.invalid"] }],
  ])("refuses %s and changes nothing", async (_name, form, fieldErrors) => {
    const { user, actor } = await boundUser();
    const before = await db.wechatBinding.findUniqueOrThrow({ where: { userId: user.id } });
    expect(await save(actor, form)).toEqual({ ok: false, code: "validation", fieldErrors });
    expect(await db.wechatBinding.findUniqueOrThrow({ where: { userId: user.id } })).toEqual(before);
    expect(await db.notificationPreference.count({ where: { userId: user.id } })).toBe(0);
  });

  it.each([
    ["never bound", async () => actorOf(await makeUser("STUDENT"))],
    [
      "unbound",
      async () => {
        const { actor } = await boundUser();
        await unbindWechat(actor);
        return actor;
      },
    ],
  ])("refuses a student who is %s and stores nothing", async (_name, actorFor) => {
    const actor = await actorFor();
    expect(await save(actor, { kinds: [], quietStart: "22:00", quietEnd: "07:00" })).toEqual({ ok: false, code: "binding.not_bound" });
    expect(await db.notificationPreference.count({ where: { userId: actor.id } })).toBe(0);
  });

  it("changes only the actor's own settings", async () => {
    const mine = await boundUser();
    const theirs = await boundUser("STUDENT", newOpenid());
    await save(mine.actor, { kinds: [], quietStart: "20:00", quietEnd: "09:00" });
    expect(await getWechatSettings(theirs.actor)).toMatchObject({
      binding: { quietStartMinute: 1320, quietEndMinute: 420 },
      preferences: STUDENT_KINDS.map((kind) => ({ kind, enabled: true })),
    });
  });
});
