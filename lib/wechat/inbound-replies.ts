import { createTranslator } from "next-intl";
import { DEFAULT_LOCALE } from "@/i18n/config";
import messages from "@/messages/zh-CN/wechatCallback.json";

/**
 * Texts of the callback's passive replies. They go to a WeChat chat, outside any page request and without a
 * language setting, so they are in the default language (zh-CN); messages/en/wechatCallback.json mirrors them.
 * A reply names at most the topic's prompt, cut short: never a grade, a score or anything about a patient.
 */
export const replyText = createTranslator({ locale: DEFAULT_LOCALE, messages: { wechatCallback: messages }, namespace: "wechatCallback" });

export type ReplyKey = Parameters<typeof replyText>[0];

const PROMPT_CHARS = 20;

/** The prompt on one line, at most 20 characters (code points, so CJK and emoji are not cut in half). */
export function shortPrompt(prompt: string): string {
  const chars = Array.from(prompt.replace(/\s+/g, " ").trim());
  return chars.length > PROMPT_CHARS ? `${chars.slice(0, PROMPT_CHARS).join("")}…` : chars.join("");
}
