import { decode } from "next-auth/jwt";
import { loadActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/authz";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}

/** next-auth splits large tokens into `name.0`, `name.1`, …; ours are small, but read both forms. */
function sessionTokenOf(cookies: Map<string, string>): string | undefined {
  for (const name of SESSION_COOKIES) {
    const whole = cookies.get(name);
    if (whole) return whole;
    const chunks: string[] = [];
    for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
    if (chunks.length) return chunks.join("");
  }
  return undefined;
}

/** The actor behind a socket handshake's session cookie, checked exactly like a page request. */
export async function actorFromCookieHeader(cookieHeader: string | undefined, secret: string): Promise<Actor | null> {
  const token = sessionTokenOf(parseCookies(cookieHeader));
  if (!token) return null;
  try {
    const jwt = await decode({ token, secret });
    return loadActor(jwt?.sub, jwt?.sv);
  } catch {
    return null;
  }
}
