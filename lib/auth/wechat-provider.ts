import type { Account, User } from "next-auth";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { SESSION_MAX_AGE_S, type SignInUser, authOptions } from "./options";

/**
 * Signing in from inside WeChat. The OAuth callback has already exchanged WeChat's one-time code for the openid on
 * the server and found the student's binding; here it mints the same next-auth session a credentials sign-in
 * produces (the token next-auth starts from, then our own jwt callback, encoded with next-auth's `encode`, the shared
 * secret and the same max age) and sets it as next-auth's own session cookie.
 *
 * Why not a credentials provider with a one-time ticket: the ticket would be a bearer credential travelling through
 * the browser, its single use would need a store shared by every instance (a table we do not have), and WeChat's
 * webview would pay for one more page and the next-auth client script. Here nothing but the session cookie ever
 * reaches the browser, the OAuth code itself is the one-time proof (WeChat accepts it once), and every session
 * check stays where it was: loadActor still refuses disabled users and stale session versions.
 */

export interface SessionCookie {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; maxAge: number };
}

/** next-auth puts its cookies under __Secure- names when the app's URL is https; so do we. */
const secureCookies = () => (process.env.NEXTAUTH_URL ?? "").startsWith("https://");

export const sessionCookieName = (secure = secureCookies()) => `${secure ? "__Secure-" : ""}next-auth.session-token`;

/** The session cookie for this user, or null for a missing or disabled account. Records the login. */
export async function wechatSessionCookie(userId: string, secret = process.env.NEXTAUTH_SECRET): Promise<SessionCookie | null> {
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, role: true, disabled: true, sessionVersion: true },
  });
  if (!user || user.disabled) return null;
  const signedIn: SignInUser = { id: user.id, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
  const account: Account = { provider: "wechat", type: "credentials", providerAccountId: user.id };
  const token = await authOptions.callbacks!.jwt!({
    token: { name: user.name, sub: user.id },
    user: signedIn as unknown as User,
    account,
    trigger: "signIn",
  });
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  const secure = secureCookies();
  return {
    name: sessionCookieName(secure),
    value: await encode({ token, secret, maxAge: SESSION_MAX_AGE_S }),
    options: { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: SESSION_MAX_AGE_S },
  };
}
