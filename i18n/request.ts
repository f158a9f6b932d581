import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, LOCALE_COOKIE, TIME_ZONE, isLocale } from "./config";
import { loadMessages } from "./messages";

// No locale in the URL: the language is a cookie set by the switcher, zh-CN otherwise.
export default getRequestConfig(async () => {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookie) ? cookie : DEFAULT_LOCALE;
  return { locale, timeZone: TIME_ZONE, messages: await loadMessages(locale), now: new Date() };
});
