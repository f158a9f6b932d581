import { createTranslator } from "next-intl";
import { DEFAULT_LOCALE } from "@/i18n/config";
import messages from "@/messages/zh-CN/wechatCallback.json";

/**
 * Texts of the callback's passive replies. They go to a WeChat chat, outside any page request and without a
 * language setting, so they are in the default language (zh-CN); messages/en/wechatCallback.json mirrors them.
 * A reply says what happened and, where there is somewhere to look, gives the push's link to the lesson
 * (lib/push/render-push-content.ts) — never the topic's prompt, an answer, a grade or anything about a patient: those
 * stay in the app (MISSION "Boundaries and privacy"). Their only arguments are option letters, limits and that link.
 */
export const replyText = createTranslator({ locale: DEFAULT_LOCALE, messages: { wechatCallback: messages }, namespace: "wechatCallback" });
