import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PUSH_KINDS } from "@/lib/wechat/push-kinds";
import { makeUser } from "@/tests/factories";
import { findActiveBindingByOpenid } from "./find-active-binding";
import { markUnreachable } from "./mark-unreachable";
import { pushEligibilities, pushEligibility } from "./push-eligibility";
import { setSubscribed } from "./set-subscribed";
import { boundUser, newOpenid } from "./test-fixtures";
import { unbindWechat, withdrawConsent } from "./unbind-wechat";

describe("pushEligibility", () => {
  it("is ok for an active, consented, subscribed binding, with the openid and quiet hours", async () => {
    const { user, openid } = await boundUser();
    for (const kind of PUSH_KINDS) {
      expect(await pushEligibility(user.id, kind)).toEqual({ ok: true, openid, quietHours: { quietStartMinute: 1320, quietEndMinute: 420 } });
    }
  });

  type Setup = (bound: Awaited<ReturnType<typeof boundUser>>) => Promise<unknown>;
  const cases: [string, Setup, string][] = [
    ["unbound by the student", ({ actor }) => unbindWechat(actor), "not_bound"],
    ["consent withdrawn", ({ actor }) => withdrawConsent(actor), "no_consent"],
    ["ACTIVE but no consent record at all", ({ user }) => db.wechatConsent.deleteMany({ where: { userId: user.id } }), "no_consent"],
    [
      "ACTIVE but the newest record is a withdrawal",
      ({ user, openid }) => db.wechatConsent.create({ data: { userId: user.id, openid, textVersion: "x", action: "WITHDRAWN" } }),
      "no_consent",
    ],
    [
      "consent only for another openid",
      ({ user }) => db.wechatBinding.update({ where: { userId: user.id }, data: { openid: newOpenid() } }),
      "no_consent",
    ],
    ["unfollowed the service account", ({ openid }) => setSubscribed(openid, false), "unsubscribed"],
    ["unreachable (43004)", ({ user }) => markUnreachable(user.id, "wechat:43004"), "unreachable"],
    [
      "the kind switched off",
      ({ user }) => db.notificationPreference.create({ data: { userId: user.id, kind: "live_topic", enabled: false } }),
      "preference_off",
    ],
    [
      "unfollowed and the kind switched off (the binding's reason comes first)",
      async ({ user, openid }) => {
        await setSubscribed(openid, false);
        await db.notificationPreference.create({ data: { userId: user.id, kind: "live_topic", enabled: false } });
      },
      "unsubscribed",
    ],
  ];
  it.each(cases)("skips a student whose binding is %s", async (_name, setup, reason) => {
    const bound = await boundUser();
    await setup(bound);
    expect(await pushEligibility(bound.user.id, "live_topic")).toEqual({ ok: false, reason });
  });

  it("skips a student who never bound", async () => {
    const user = await makeUser("STUDENT");
    expect(await pushEligibility(user.id, "live_topic")).toEqual({ ok: false, reason: "not_bound" });
  });

  it("treats a missing preference row as on, and a switch affects only its own kind", async () => {
    const { user } = await boundUser();
    await db.notificationPreference.createMany({
      data: [
        { userId: user.id, kind: "quiz_published", enabled: false },
        { userId: user.id, kind: "live_topic", enabled: true },
      ],
    });
    expect(await pushEligibility(user.id, "quiz_published")).toEqual({ ok: false, reason: "preference_off" });
    expect(await pushEligibility(user.id, "live_topic")).toMatchObject({ ok: true });
    expect(await pushEligibility(user.id, "deadline_reminder")).toMatchObject({ ok: true });
  });

  it("decides for many users at once, each on their own, and works inside a transaction", async () => {
    const ok = await boundUser();
    const off = await boundUser();
    await db.notificationPreference.create({ data: { userId: off.user.id, kind: "preclass_feedback", enabled: false } });
    const never = await makeUser("STUDENT");
    const ids = [ok.user.id, off.user.id, never.id, ok.user.id];
    const decided = await db.$transaction((tx) => pushEligibilities(ids, "preclass_feedback", tx));
    expect(Object.fromEntries(decided)).toEqual({
      [ok.user.id]: { ok: true, openid: ok.openid, quietHours: { quietStartMinute: 1320, quietEndMinute: 420 } },
      [off.user.id]: { ok: false, reason: "preference_off" },
      [never.id]: { ok: false, reason: "not_bound" },
    });
  });
});

describe("setSubscribed", () => {
  it("follows unsubscribe and subscribe events; following again clears unreachable", async () => {
    const { user, openid } = await boundUser();
    expect(await setSubscribed(openid, false)).toBe(true);
    expect(await pushEligibility(user.id, "live_topic")).toEqual({ ok: false, reason: "unsubscribed" });
    await markUnreachable(user.id, "wechat:43004");
    expect(await setSubscribed(openid, true)).toBe(true);
    expect(await db.wechatBinding.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({
      subscribed: true,
      status: "ACTIVE",
      statusReason: null,
    });
    expect(await pushEligibility(user.id, "live_topic")).toMatchObject({ ok: true });
  });

  it("never revives an unbound binding, and ignores openids nobody bound", async () => {
    const { user, actor, openid } = await boundUser();
    await unbindWechat(actor);
    await setSubscribed(openid, true);
    expect(await db.wechatBinding.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ status: "UNBOUND" });
    expect(await pushEligibility(user.id, "live_topic")).toEqual({ ok: false, reason: "not_bound" });
    expect(await setSubscribed(newOpenid(), true)).toBe(false);
    expect(await setSubscribed("", false)).toBe(false);
  });
});

describe("markUnreachable", () => {
  it("marks an active binding with the reason; the binding still signs the student in", async () => {
    const { user, openid } = await boundUser();
    expect(await markUnreachable(user.id, "wechat:40003")).toBe(true);
    expect(await db.wechatBinding.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({
      status: "UNREACHABLE",
      statusReason: "wechat:40003",
    });
    expect(await findActiveBindingByOpenid(openid)).toMatchObject({ userId: user.id });
  });

  it("leaves an unbound binding alone and ignores users without one", async () => {
    const { user, actor } = await boundUser();
    await unbindWechat(actor);
    expect(await markUnreachable(user.id, "wechat:43004")).toBe(false);
    expect(await db.wechatBinding.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ status: "UNBOUND" });
    expect(await markUnreachable((await makeUser("STUDENT")).id, "wechat:43004")).toBe(false);
  });
});
