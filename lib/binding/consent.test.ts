import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/i18n/config";
import { CONSENT_SECTIONS, CONSENT_TEXT_SHA256, CONSENT_TEXT_VERSION } from "./consent";

const consentOf = (locale: string) =>
  (JSON.parse(fs.readFileSync(path.join("messages", locale, "wechat.json"), "utf8")) as { consent: Record<string, string> }).consent;

describe("the consent text", () => {
  it("is the text CONSENT_TEXT_VERSION stands for (change the text → new version and fingerprint)", () => {
    const text = Object.fromEntries(LOCALES.map((locale) => [locale, consentOf(locale)]));
    const fingerprint = createHash("sha256").update(JSON.stringify({ "zh-CN": text["zh-CN"], en: text.en })).digest("hex");
    expect({ version: CONSENT_TEXT_VERSION, fingerprint }).toEqual({ version: CONSENT_TEXT_VERSION, fingerprint: CONSENT_TEXT_SHA256 });
  });

  it.each(LOCALES)("says in %s what is sent, when, how to stop and what is kept", (locale) => {
    const consent = consentOf(locale);
    for (const section of CONSENT_SECTIONS) {
      expect(consent[section], section).toBeTruthy();
      expect(consent[`${section}Title`], section).toBeTruthy();
    }
  });

  it.each([
    ["zh-CN", ["标题", "时间", "链接", "成绩", "健康", "患者", "免打扰", "解除绑定", "撤回同意", "取消关注"]],
    ["en", ["title", "time", "link", "grades", "health", "patient", "quiet hours", "unbind", "withdraw", "Unfollowing"]],
  ])("states the limits in %s: only a title, time and link; never grades, health or patient data; quiet hours; how to stop", (locale, phrases) => {
    const text = Object.values(consentOf(locale)).join(" ");
    for (const phrase of phrases) expect(text, phrase).toContain(phrase);
  });
});
