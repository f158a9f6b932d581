export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const TIME_ZONE = "Asia/Shanghai";

/** One JSON file per namespace and locale under messages/<locale>/, so that features do not share one big file. */
export const NAMESPACES = ["common", "auth", "errors", "validation", "student", "teacher", "admin", "course", "roster", "lesson", "preclass", "plan", "notes", "threads", "live", "wechat", "push", "qbank", "quiz", "practice", "homework", "gradebook", "evaluation", "points", "peer", "coursework", "analytics", "audit"] as const;

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);
