/**
 * The consent text itself lives in messages/<locale>/wechat.json: the `consent` sections, and under "when" the list of
 * every push kind (`kinds`: label and hint, one per PUSH_KINDS entry, so the list cannot leave a kind out). Each
 * WechatConsent row records the version the student agreed to. Changing that text means a new version:
 * consent.test.ts fails until both the version and the fingerprint (sha256 of the zh-CN and en `consent` and `kinds`
 * objects) are updated, so a record never points at a text other than the one that was shown.
 *
 * A new version does not ask anyone to agree again: consent given to an earlier version stands (pushEligibility and
 * findActiveBindingByOpenid look at whether the newest record is GRANTED, not at its version), and the student's
 * history shows which version each record was for. Only a bind form showing an earlier version is refused
 * (binding.consent_outdated), so that the recorded version is the one on the screen.
 */
export const CONSENT_TEXT_VERSION = "2026-12-v2";
export const CONSENT_TEXT_SHA256 = "f708b9b31eb2880024270e96bef8e2b3f36e94962cd3fb3bc94001452c6bc556";

/** The sections of the consent text, in the order they are shown. */
export const CONSENT_SECTIONS = ["what", "when", "stop", "kept"] as const;
