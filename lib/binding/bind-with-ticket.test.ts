import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { runAction } from "@/lib/action";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { makeUser } from "@/tests/factories";
import { bindWithTicket } from "./bind-with-ticket";
import { CONSENT_TEXT_VERSION } from "./consent";
import { BIND_TICKET_TTL_MS } from "./oauth-flow";
import { BindWechatFormSchema } from "./schemas";
import { seal } from "./sealed-cookie";
import { boundUser, newOpenid } from "./test-fixtures";

const SECRET = "bind-ticket-test-secret-0123456789abcdef";
const PASSWORD = "Correct1horse";
let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

const newIp = () => `10.${[...randomBytes(3)].join(".")}`;
const student = () => makeUser("STUDENT", { passwordHash });

/** A ticket as the OAuth callback seals it. */
const ticketFor = (openid: string, options: { next?: string; issuedAt?: Date; profile?: Record<string, string> } = {}) => {
  const issuedAt = options.issuedAt ?? new Date();
  return seal("wechat-bind-ticket", { openid, next: options.next ?? "/student", iat: issuedAt.getTime(), ...options.profile }, BIND_TICKET_TTL_MS, {
    secret: SECRET,
    now: issuedAt,
  });
};

const form = (no: string, change: Record<string, unknown> = {}) => ({
  no,
  password: PASSWORD,
  consent: "on",
  consentTextVersion: CONSENT_TEXT_VERSION,
  ...change,
});

/** What the bind action does, less the cookies it sets. */
const submit = (input: Record<string, unknown>, ticket: string | undefined, ip = newIp()) =>
  runAction(BindWechatFormSchema, input, (data) => bindWithTicket(data, ticket, ip, { secret: SECRET }));

const stateOf = async (userId: string, openid: string) => ({
  binding: await db.wechatBinding.findUnique({ where: { userId } }),
  holder: await db.wechatBinding.findUnique({ where: { openid } }),
  consents: await db.wechatConsent.count({ where: { OR: [{ userId }, { openid }] } }),
});

describe("bindWithTicket", () => {
  it("signs in once, records consent and binds the ticket's openid, with the profile the student chose to show", async () => {
    const user = await student();
    const openid = newOpenid();
    const ticket = ticketFor(openid, { next: "/student/wechat", profile: { nickname: "小林", avatarUrl: "https://thirdwx.qlogo.cn/x/132" } });
    expect(await submit(form(user.no), ticket)).toEqual({ ok: true, data: { userId: user.id, next: "/student/wechat" } });
    expect(await db.wechatBinding.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({
      openid,
      status: "ACTIVE",
      nickname: "小林",
      avatarUrl: "https://thirdwx.qlogo.cn/x/132",
    });
    expect(await db.wechatConsent.findMany({ where: { userId: user.id }, select: { openid: true, action: true, textVersion: true } })).toEqual([
      { openid, action: "GRANTED", textVersion: CONSENT_TEXT_VERSION },
    ]);
  });

  it("takes the openid from the ticket only, never from the form", async () => {
    const user = await student();
    const openid = newOpenid();
    expect(await submit(form(user.no, { openid: newOpenid() }), ticketFor(openid))).toMatchObject({ ok: true });
    expect(await db.wechatBinding.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ openid });
  });

  it.each([
    ["without the consent tick", { consent: undefined }, "binding.consent_required"],
    ["with the consent tick set to something else", { consent: "false" }, "binding.consent_required"],
    ["for an outdated consent text", { consentTextVersion: "2025-01-v0" }, "binding.consent_outdated"],
  ])("refuses %s before checking the password, binding nothing", async (_name, change, code) => {
    const user = await student();
    const openid = newOpenid();
    const ip = newIp();
    expect(await submit(form(user.no, change), ticketFor(openid), ip)).toEqual({ ok: false, code });
    expect(await stateOf(user.id, openid)).toEqual({ binding: null, holder: null, consents: 0 });
    expect(await db.loginAttempt.count({ where: { ip } })).toBe(0);
  });

  it("refuses a wrong password through the sign-in rate limit, binding nothing", async () => {
    const user = await student();
    const openid = newOpenid();
    const ip = newIp();
    expect(await submit(form(user.no, { password: "Wrong1horse" }), ticketFor(openid), ip)).toEqual({ ok: false, code: "auth.invalid_credentials" });
    expect(await stateOf(user.id, openid)).toEqual({ binding: null, holder: null, consents: 0 });
    expect(await db.loginAttempt.findMany({ where: { ip }, select: { success: true } })).toEqual([{ success: false }]);
  });

  it.each([
    ["no ticket (cookie missing)", () => undefined],
    ["an expired ticket", () => ticketFor(newOpenid(), { issuedAt: new Date(Date.now() - BIND_TICKET_TTL_MS - 1000) })],
    ["a ticket sealed with another secret", () => seal("wechat-bind-ticket", { openid: newOpenid(), next: "/", iat: Date.now() }, 60_000, { secret: "x".repeat(40) })],
    ["an OAuth state cookie passed off as a ticket", () => seal("wechat-oauth-state", { openid: newOpenid(), next: "/", iat: Date.now() }, 60_000, { secret: SECRET })],
    ["a ticket with a malformed openid", () => seal("wechat-bind-ticket", { openid: "x", next: "/", iat: Date.now() }, 60_000, { secret: SECRET })],
    ["garbage", () => "not-a-ticket"],
  ])("refuses %s as binding.expired, spending no sign-in attempt", async (_name, ticket) => {
    const user = await student();
    const ip = newIp();
    expect(await submit(form(user.no), ticket(), ip)).toEqual({ ok: false, code: "binding.expired" });
    expect(await db.wechatBinding.findUnique({ where: { userId: user.id } })).toBeNull();
    expect(await db.loginAttempt.count({ where: { ip } })).toBe(0);
  });

  it("refuses a replayed ticket once it has bound, for the same account or another", async () => {
    const user = await student();
    const other = await student();
    const openid = newOpenid();
    const ticket = ticketFor(openid);
    expect(await submit(form(user.no), ticket)).toMatchObject({ ok: true });
    const before = await stateOf(user.id, openid);
    expect(await submit(form(user.no), ticket)).toEqual({ ok: false, code: "binding.expired" });
    expect(await submit(form(other.no), ticket)).toEqual({ ok: false, code: "binding.expired" });
    expect(await stateOf(user.id, openid)).toEqual(before);
    expect(await db.wechatBinding.findUnique({ where: { userId: other.id } })).toBeNull();
  });

  it("refuses an openid that another account bound meanwhile", async () => {
    const holder = await boundUser();
    const user = await student();
    expect(await submit(form(user.no), ticketFor(holder.openid))).toEqual({
      ok: false,
      code: "binding.openid_taken",
    });
    expect(await db.wechatBinding.findUnique({ where: { userId: user.id } })).toBeNull();
  });

  it("refuses a disabled account like a wrong password", async () => {
    const user = await student();
    await db.user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await submit(form(user.no), ticketFor(newOpenid()))).toEqual({ ok: false, code: "auth.invalid_credentials" });
    expect(await db.wechatBinding.findUnique({ where: { userId: user.id } })).toBeNull();
  });
});
