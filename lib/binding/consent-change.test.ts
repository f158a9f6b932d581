import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/action";
import { db } from "@/lib/db";
import { dispatchDuePushes } from "@/lib/push/dispatch-pushes";
import { getPushStats } from "@/lib/push/get-push-stats";
import { DAYTIME, bindStudent, fakeClient, makePushSchool, raise } from "@/lib/push/test-fixtures";
import { actorOf, makeUser } from "@/tests/factories";
import { CONSENT_TEXT_VERSION } from "./consent";
import { findActiveBindingByOpenid } from "./find-active-binding";
import { grantConsent } from "./grant-consent";
import { pushEligibility } from "./push-eligibility";
import { getWechatSettings } from "./queries";
import { GrantConsentSchema } from "./schemas";
import { boundUser } from "./test-fixtures";
import { unbindWechat, withdrawConsent } from "./unbind-wechat";

const consentsOf = (userId: string) =>
  db.wechatConsent.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { openid: true, action: true, textVersion: true } });

/** What the settings form posts: the tick and the version shown, through the schema, then the domain function. */
const agree = (actor: Parameters<typeof grantConsent>[0], form: Record<string, unknown>) =>
  runAction(GrantConsentSchema, form, (input) => grantConsent(actor, input));

const AGREED = { consent: "on", consentTextVersion: CONSENT_TEXT_VERSION };

describe("withdrawConsent", () => {
  it("stops pushes and WeChat sign-in at once, keeps the binding and settings, and appends a withdrawal", async () => {
    const { user, actor, openid, binding } = await boundUser();
    await db.wechatBinding.update({ where: { id: binding.id }, data: { quietStartMinute: 1260 } });
    await withdrawConsent(actor);
    expect(await pushEligibility(user.id, "live_topic")).toEqual({ ok: false, reason: "no_consent" });
    expect(await findActiveBindingByOpenid(openid)).toBeNull();
    expect(await db.wechatBinding.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({
      id: binding.id,
      openid,
      status: "ACTIVE",
      statusReason: null,
      quietStartMinute: 1260,
    });
    expect(await consentsOf(user.id)).toEqual([
      { openid, action: "GRANTED", textVersion: CONSENT_TEXT_VERSION },
      { openid, action: "WITHDRAWN", textVersion: CONSENT_TEXT_VERSION },
    ]);
    expect((await getWechatSettings(actor)).binding?.state).toBe("withdrawn");
  });

  it("records one withdrawal however often it is asked, also at once", async () => {
    const { user, actor } = await boundUser();
    await Promise.all([withdrawConsent(actor), withdrawConsent(actor)]);
    await withdrawConsent(actor);
    expect((await consentsOf(user.id)).map((c) => c.action)).toEqual(["GRANTED", "WITHDRAWN"]);
  });

  it.each([
    ["never bound", async () => actorOf(await makeUser("STUDENT"))],
    ["unbound", async () => {
      const { actor } = await boundUser();
      await unbindWechat(actor);
      return actor;
    }],
  ])("refuses a student who is %s and records nothing", async (_name, actorFor) => {
    const actor = await actorFor();
    const before = await consentsOf(actor.id);
    await expect(withdrawConsent(actor)).rejects.toMatchObject({ code: "binding.not_bound" });
    expect(await consentsOf(actor.id)).toEqual(before);
  });

  it("touches only the actor's own consent", async () => {
    const mine = await boundUser();
    const theirs = await boundUser();
    await withdrawConsent(mine.actor);
    expect(await pushEligibility(theirs.user.id, "live_topic")).toMatchObject({ ok: true });
    expect((await consentsOf(theirs.user.id)).map((c) => c.action)).toEqual(["GRANTED"]);
  });

  it("shows in the teacher's push stats as skipped for no_consent", async () => {
    const s = await makePushSchool();
    const [withdrawing, staying] = s.students;
    for (const student of [withdrawing, staying]) await bindStudent(student.id);
    await withdrawConsent(actorOf(withdrawing));
    await raise("live.topic_opened", s.course.id, s.lesson.id, "cm3topicconsent000000000");
    await dispatchDuePushes({ client: fakeClient().client, now: () => DAYTIME });
    const [stat] = await getPushStats(actorOf(s.teacher), { lessonId: s.lesson.id });
    expect(stat.reasons).toContainEqual({ status: "SKIPPED", code: "no_consent", detail: null, count: 1 });
    expect(await db.pushMessage.findFirstOrThrow({ where: { userId: withdrawing.id } })).toMatchObject({ status: "SKIPPED", reason: "no_consent" });
    expect(await db.pushMessage.findFirstOrThrow({ where: { userId: staying.id } })).toMatchObject({ status: "SENT" });
  });
});

describe("grantConsent", () => {
  it("after a withdrawal, agrees to the current text and pushes resume", async () => {
    const { user, actor, openid } = await boundUser();
    await withdrawConsent(actor);
    expect(await agree(actor, AGREED)).toEqual({ ok: true, data: undefined });
    expect(await pushEligibility(user.id, "live_topic")).toMatchObject({ ok: true, openid });
    expect(await findActiveBindingByOpenid(openid)).not.toBeNull();
    expect((await consentsOf(user.id)).map((c) => c.action)).toEqual(["GRANTED", "WITHDRAWN", "GRANTED"]);
    expect((await getWechatSettings(actor)).binding?.state).toBe("active");
  });

  it("records nothing more while consent to this version stands", async () => {
    const { user, actor } = await boundUser();
    expect(await agree(actor, AGREED)).toMatchObject({ ok: true });
    expect((await consentsOf(user.id)).map((c) => c.action)).toEqual(["GRANTED"]);
  });

  it.each([
    ["without the tick", { consentTextVersion: CONSENT_TEXT_VERSION }, "binding.consent_required"],
    ["for a text version it did not show", { consent: "on", consentTextVersion: "2026-11-v1" }, "binding.consent_outdated"],
    ["with a malformed version", { consent: "on", consentTextVersion: "v".repeat(33) }, "validation"],
  ])("refuses %s and records nothing", async (_name, form, code) => {
    const { user, actor } = await boundUser();
    await withdrawConsent(actor);
    expect(await agree(actor, form)).toMatchObject({ ok: false, code });
    expect((await consentsOf(user.id)).map((c) => c.action)).toEqual(["GRANTED", "WITHDRAWN"]);
    expect(await pushEligibility(user.id, "live_topic")).toEqual({ ok: false, reason: "no_consent" });
  });

  it("refuses a student who unbound (binding again goes through WeChat) and one never bound", async () => {
    const { user, actor } = await boundUser();
    await unbindWechat(actor);
    expect(await agree(actor, AGREED)).toEqual({ ok: false, code: "binding.not_bound" });
    expect(await agree(actorOf(await makeUser("STUDENT")), AGREED)).toEqual({ ok: false, code: "binding.not_bound" });
    expect((await consentsOf(user.id)).map((c) => c.action)).toEqual(["GRANTED", "WITHDRAWN"]);
  });
});

describe("a new consent text version", () => {
  it("leaves consent given to an earlier version standing; the history names that version", async () => {
    const { user, actor, openid } = await boundUser();
    await db.wechatConsent.updateMany({ where: { userId: user.id }, data: { textVersion: "2026-11-v1" } });
    expect(await pushEligibility(user.id, "homework_published")).toMatchObject({ ok: true, openid });
    const settings = await getWechatSettings(actor);
    expect(settings.binding?.state).toBe("active");
    expect(settings.consents.map((c) => c.textVersion)).toEqual(["2026-11-v1"]);
  });
});

