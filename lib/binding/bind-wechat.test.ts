import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf, makeUser } from "@/tests/factories";
import { bindWechat } from "./bind-wechat";
import { CONSENT_TEXT_VERSION } from "./consent";
import { findActiveBindingByOpenid } from "./find-active-binding";
import { pushEligibility } from "./push-eligibility";
import { boundUser, newOpenid } from "./test-fixtures";
import { unbindWechat, withdrawConsent } from "./unbind-wechat";

const consentsOf = (userId: string) =>
  db.wechatConsent.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
const snapshot = async (userIds: string[]) => ({
  bindings: await db.wechatBinding.findMany({ where: { userId: { in: userIds } }, orderBy: { id: "asc" } }),
  consents: await db.wechatConsent.findMany({ where: { userId: { in: userIds } }, orderBy: { id: "asc" } }),
});

describe("bindWechat", () => {
  it("binds with the schema's defaults and records the consent with its text version", async () => {
    const user = await makeUser("STUDENT");
    const openid = newOpenid();
    const binding = await bindWechat(actorOf(user), { openid, nickname: "小林", avatarUrl: "https://thirdwx.qlogo.cn/a/132", consentTextVersion: CONSENT_TEXT_VERSION });
    expect(binding).toMatchObject({
      userId: user.id,
      openid,
      nickname: "小林",
      avatarUrl: "https://thirdwx.qlogo.cn/a/132",
      subscribed: true,
      status: "ACTIVE",
      statusReason: null,
      quietStartMinute: 22 * 60,
      quietEndMinute: 7 * 60,
    });
    expect(await consentsOf(user.id)).toMatchObject([{ openid, textVersion: CONSENT_TEXT_VERSION, action: "GRANTED" }]);
    expect(await findActiveBindingByOpenid(openid)).toMatchObject({ userId: user.id });
    expect(await pushEligibility(user.id, "preclass_feedback")).toMatchObject({ ok: true, openid });
  });

  it.each([
    ["an outdated consent text version", { consentTextVersion: "2025-01-v0" }, { code: "binding.consent_outdated" }],
    ["no consent text version", { consentTextVersion: "" }, { name: "ZodError" }],
    ["a malformed openid", { openid: "o'; DROP TABLE" }, { name: "ZodError" }],
    ["an empty openid", { openid: "" }, { name: "ZodError" }],
    ["an avatar that is not an http(s) URL", { avatarUrl: "javascript:alert(1)" }, { name: "ZodError" }],
  ])("refuses %s and stores nothing", async (_name, change, expected) => {
    const user = await makeUser("STUDENT");
    const input = { openid: newOpenid(), consentTextVersion: CONSENT_TEXT_VERSION, ...change };
    await expect(bindWechat(actorOf(user), input)).rejects.toMatchObject(expected);
    expect(await snapshot([user.id])).toEqual({ bindings: [], consents: [] });
  });

  it.each(["ACTIVE", "UNREACHABLE"] as const)("refuses an openid another account holds (%s) and changes nothing", async (status) => {
    const holder = await boundUser();
    await db.wechatBinding.update({ where: { userId: holder.user.id }, data: { status } });
    const other = await makeUser("STUDENT");
    const before = await snapshot([holder.user.id, other.id]);
    await expect(bindWechat(actorOf(other), { openid: holder.openid, consentTextVersion: CONSENT_TEXT_VERSION })).rejects.toMatchObject({
      code: "binding.openid_taken",
    });
    expect(await snapshot([holder.user.id, other.id])).toEqual(before);
  });

  it("lets another account take an openid its holder unbound; the holder's consent records stay", async () => {
    const holder = await boundUser();
    await unbindWechat(holder.actor);
    const holderConsents = await consentsOf(holder.user.id);
    const other = await makeUser("STUDENT");
    await bindWechat(actorOf(other), { openid: holder.openid, consentTextVersion: CONSENT_TEXT_VERSION });
    expect(await findActiveBindingByOpenid(holder.openid)).toMatchObject({ userId: other.id });
    expect(await db.wechatBinding.findUnique({ where: { userId: holder.user.id } })).toBeNull();
    expect(await consentsOf(holder.user.id)).toEqual(holderConsents);
  });

  it("binds one openid to one of two accounts racing for it", async () => {
    const openid = newOpenid();
    const [a, b] = await Promise.all([makeUser("STUDENT"), makeUser("STUDENT")]);
    const results = await Promise.allSettled(
      [a, b].map((user) => bindWechat(actorOf(user), { openid, consentTextVersion: CONSENT_TEXT_VERSION })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "binding.openid_taken" } });
    expect(await db.wechatBinding.count({ where: { openid } })).toBe(1);
    expect(await db.wechatConsent.count({ where: { openid } })).toBe(1);
  });

  it("replaces the account's openid with a new one: old consent withdrawn, new one granted, settings kept", async () => {
    const { user, actor, openid: oldOpenid, binding: old } = await boundUser();
    await db.wechatBinding.update({ where: { userId: user.id }, data: { quietStartMinute: 1380, quietEndMinute: 360, nickname: "旧昵称" } });
    const newId = newOpenid();
    const binding = await bindWechat(actor, { openid: newId, consentTextVersion: CONSENT_TEXT_VERSION });
    expect(binding).toMatchObject({ id: old.id, openid: newId, status: "ACTIVE", quietStartMinute: 1380, quietEndMinute: 360, nickname: null });
    expect(binding.boundAt.getTime()).toBeGreaterThanOrEqual(old.boundAt.getTime());
    expect((await consentsOf(user.id)).map((c) => [c.openid, c.action])).toEqual([
      [oldOpenid, "GRANTED"],
      [oldOpenid, "WITHDRAWN"],
      [newId, "GRANTED"],
    ]);
    expect(await findActiveBindingByOpenid(oldOpenid)).toBeNull();
    expect(await pushEligibility(user.id, "live_topic")).toMatchObject({ ok: true, openid: newId });
  });

  it("binds again after unbinding, appending to the history", async () => {
    const { user, actor, openid } = await boundUser();
    await unbindWechat(actor);
    await bindWechat(actor, { openid, consentTextVersion: CONSENT_TEXT_VERSION });
    expect((await consentsOf(user.id)).map((c) => c.action)).toEqual(["GRANTED", "WITHDRAWN", "GRANTED"]);
    expect(await db.wechatBinding.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ status: "ACTIVE", statusReason: null });
    expect(await pushEligibility(user.id, "live_topic")).toMatchObject({ ok: true });
  });
});

describe("unbindWechat", () => {
  it("stops pushes and WeChat sign-in at once and keeps every record", async () => {
    const { user, actor, openid, binding } = await boundUser();
    const granted = await consentsOf(user.id);
    await unbindWechat(actor);
    expect(await pushEligibility(user.id, "live_topic")).toEqual({ ok: false, reason: "not_bound" });
    expect(await findActiveBindingByOpenid(openid)).toBeNull();
    expect(await db.wechatBinding.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({
      id: binding.id,
      openid,
      status: "UNBOUND",
      statusReason: "unbound",
    });
    const consents = await consentsOf(user.id);
    expect(consents.slice(0, granted.length)).toEqual(granted);
    expect(consents.slice(granted.length)).toMatchObject([{ openid, action: "WITHDRAWN", textVersion: CONSENT_TEXT_VERSION }]);
  });

  it("after a withdrawal of consent unbinds without recording a second withdrawal", async () => {
    const { user, actor } = await boundUser();
    await withdrawConsent(actor);
    await unbindWechat(actor);
    expect((await consentsOf(user.id)).map((c) => c.action)).toEqual(["GRANTED", "WITHDRAWN"]);
    expect(await db.wechatBinding.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ status: "UNBOUND" });
  });

  it("refuses when nothing is bound, and a second unbind records nothing more", async () => {
    const lonely = await makeUser("STUDENT");
    await expect(unbindWechat(actorOf(lonely))).rejects.toMatchObject({ code: "binding.not_bound" });
    const { user, actor } = await boundUser();
    await unbindWechat(actor);
    await expect(unbindWechat(actor)).rejects.toMatchObject({ code: "binding.not_bound" });
    await expect(withdrawConsent(actor)).rejects.toMatchObject({ code: "binding.not_bound" });
    expect((await consentsOf(user.id)).map((c) => c.action)).toEqual(["GRANTED", "WITHDRAWN"]);
  });

  it("records one withdrawal when two unbinds race", async () => {
    const { user, actor } = await boundUser();
    const results = await Promise.allSettled([unbindWechat(actor), unbindWechat(actor)]);
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
    expect((await consentsOf(user.id)).map((c) => c.action)).toEqual(["GRANTED", "WITHDRAWN"]);
  });

  it("touches only the actor's own binding", async () => {
    const mine = await boundUser();
    const theirs = await boundUser();
    const before = await snapshot([theirs.user.id]);
    await unbindWechat(mine.actor);
    expect(await snapshot([theirs.user.id])).toEqual(before);
    expect(await pushEligibility(theirs.user.id, "live_topic")).toMatchObject({ ok: true });
  });
});
