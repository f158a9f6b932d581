import { afterEach, describe, expect, it } from "vitest";
import { decode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { makeUser } from "@/tests/factories";
import { loadActor } from "./actor";
import { SESSION_MAX_AGE_S, authOptions } from "./options";
import { wechatSessionCookie } from "./wechat-provider";

const SECRET = "wechat-session-test-secret-0123456789abcd";
const savedUrl = process.env.NEXTAUTH_URL;

afterEach(() => {
  if (savedUrl === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = savedUrl;
});

describe("wechatSessionCookie", () => {
  it("mints next-auth's own session for the user: same claims, same checks, recorded as a login", async () => {
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    const user = await makeUser("STUDENT");
    const cookie = await wechatSessionCookie(user.id, SECRET);
    expect(cookie).toMatchObject({
      name: "next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: false, maxAge: SESSION_MAX_AGE_S },
    });
    const token = await decode({ token: cookie!.value, secret: SECRET });
    expect(token).toMatchObject({ sub: user.id, sv: 0, name: user.name });
    expect(Number(token!.exp) - Number(token!.iat)).toBe(SESSION_MAX_AGE_S);
    // The same session callback as a password sign-in turns it into the session pages read.
    const session = await authOptions.callbacks!.session!({ session: { expires: "" }, token: token!, user: undefined as never, newSession: undefined, trigger: "update" });
    expect(session).toMatchObject({ userId: user.id, sv: 0 });
    expect(await loadActor(token!.sub, token!.sv)).toMatchObject({ id: user.id, role: "STUDENT" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).toBeInstanceOf(Date);
  });

  it("uses next-auth's __Secure- cookie on https", async () => {
    process.env.NEXTAUTH_URL = "https://medblend.example.edu.cn";
    const cookie = await wechatSessionCookie((await makeUser("STUDENT")).id, SECRET);
    expect(cookie).toMatchObject({ name: "__Secure-next-auth.session-token", options: { secure: true } });
  });

  it("ends with the account's other sessions when the session version moves on", async () => {
    const user = await makeUser("STUDENT");
    const token = await decode({ token: (await wechatSessionCookie(user.id, SECRET))!.value, secret: SECRET });
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadActor(token!.sub, token!.sv)).toBeNull();
  });

  it("refuses disabled and missing accounts", async () => {
    const user = await makeUser("STUDENT");
    await db.user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await wechatSessionCookie(user.id, SECRET)).toBeNull();
    expect(await wechatSessionCookie("c-no-such-user", SECRET)).toBeNull();
  });
});
