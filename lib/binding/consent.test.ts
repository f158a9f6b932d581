import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/i18n/config";
import { PUSH_KINDS } from "@/lib/wechat/push-kinds";
import { CONSENT_SECTIONS, CONSENT_TEXT_SHA256, CONSENT_TEXT_VERSION } from "./consent";

interface WechatMessages {
  consent: Record<string, string>;
  kinds: Record<string, { label: string; hint: string }>;
}

const messagesOf = (locale: string) => JSON.parse(fs.readFileSync(path.join("messages", locale, "wechat.json"), "utf8")) as WechatMessages;

/** What the consent screen shows: its sections and the list of push kinds. */
const shownText = (locale: string) => {
  const { consent, kinds } = messagesOf(locale);
  return { consent, kinds };
};

describe("the consent text", () => {
  it("is the text CONSENT_TEXT_VERSION stands for (change the text or a kind's label → new version and fingerprint)", () => {
    const fingerprint = createHash("sha256").update(JSON.stringify({ "zh-CN": shownText("zh-CN"), en: shownText("en") })).digest("hex");
    expect({ version: CONSENT_TEXT_VERSION, fingerprint }).toEqual({ version: CONSENT_TEXT_VERSION, fingerprint: CONSENT_TEXT_SHA256 });
  });

  it.each(LOCALES)("says in %s what is sent, when, how to stop and what is kept", (locale) => {
    const { consent } = messagesOf(locale);
    for (const section of CONSENT_SECTIONS) {
      expect(consent[section], section).toBeTruthy();
      expect(consent[`${section}Title`], section).toBeTruthy();
    }
  });

  it.each(LOCALES)("lists in %s every kind that is pushed, with what causes it", (locale) => {
    const { kinds } = messagesOf(locale);
    expect(Object.keys(kinds).sort()).toEqual([...PUSH_KINDS].sort());
    for (const kind of PUSH_KINDS) {
      expect(kinds[kind].label, kind).toBeTruthy();
      expect(kinds[kind].hint, kind).toBeTruthy();
    }
  });

  it.each([
    ["zh-CN", ["标题", "时间", "链接", "成绩", "健康", "患者", "免打扰", "解除绑定", "撤回同意", "取消关注", "课后作业", "同伴互评"]],
    ["en", ["title", "time", "link", "grades", "health", "patient", "quiet hours", "unbind", "withdraw", "Unfollowing", "Homework", "Peer review"]],
  ])("states the limits in %s: only a title, time and link; never grades, health or patient data; quiet hours; how to stop", (locale, phrases) => {
    const { consent, kinds } = messagesOf(locale);
    const text = [...Object.values(consent), ...Object.values(kinds).flatMap((kind) => [kind.label, kind.hint])].join(" ");
    for (const phrase of phrases) expect(text, phrase).toContain(phrase);
  });
});
