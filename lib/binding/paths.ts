/** URLs of the WeChat binding pages; actions revalidate and redirect through these. */
export const wechatSettingsPaths = { student: "/student/wechat", teacher: "/teacher/wechat" } as const;
export const wechatSettingsPath = (portal: keyof typeof wechatSettingsPaths) => wechatSettingsPaths[portal];
export const h5CookiePath = "/h5";
export const h5CallbackPath = "/h5/oauth/callback";
export const h5BindPath = "/h5/bind";

/** Where an app link opened inside WeChat starts: OAuth, then `next`. `profile` asks for nickname and avatar. */
export const h5EntryPath = (next: string, options: { profile?: boolean } = {}) =>
  `/h5/entry?${new URLSearchParams({ next, ...(options.profile && { profile: "1" }) })}`;

export const h5ErrorPath = (code: string, next: string) => `/h5/error?${new URLSearchParams({ code, next })}`;

const ORIGIN = "http://next.invalid";

/**
 * A `next` parameter made safe to redirect to: a path on this site only (no other origin, no `//host`, no
 * backslashes or control characters), never back into the WeChat sign-in pages; anything else becomes "/".
 */
export function safeNextPath(raw: unknown): string {
  if (typeof raw !== "string" || raw.length > 512 || !raw.startsWith("/")) return "/";
  if (/[\\\u0000-\u001f\u007f]/.test(raw) || raw.startsWith("//")) return "/";
  let url: URL;
  try {
    url = new URL(raw, ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== ORIGIN) return "/";
  if (url.pathname === "/h5" || url.pathname.startsWith("/h5/") || url.pathname.startsWith("/api/")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
