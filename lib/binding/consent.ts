/**
 * The consent text itself lives in messages/<locale>/wechat.json under `consent`; each WechatConsent row records the
 * version the student agreed to. Changing that text means a new version: consent.test.ts fails until both the
 * version and the fingerprint (sha256 of the zh-CN and en `consent` objects) are updated, so a record never points at
 * a text other than the one that was shown.
 */
export const CONSENT_TEXT_VERSION = "2026-11-v1";
export const CONSENT_TEXT_SHA256 = "5d15157b795bc254ba87548c124d61050355b5aea266a3b3605e45885bf48cb6";

/** The sections of the consent text, in the order they are shown. */
export const CONSENT_SECTIONS = ["what", "when", "stop", "kept"] as const;
