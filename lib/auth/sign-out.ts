import { cookies } from "next/headers";

// next-auth's own sign-out only deletes these cookies for JWT sessions; doing it in a server action spares every
// page the next-auth client bundle.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export async function clearSessionCookies(): Promise<void> {
  const jar = await cookies();
  for (const cookie of jar.getAll()) {
    if (SESSION_COOKIES.some((name) => cookie.name === name || cookie.name.startsWith(`${name}.`))) jar.delete(cookie.name);
  }
}
