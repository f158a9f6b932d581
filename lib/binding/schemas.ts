import { z } from "zod";
import { PUSH_KINDS } from "@/lib/wechat/push-kinds";
import { clockToMinute } from "./quiet-hours";

/** WeChat openids are 28 characters of [A-Za-z0-9_-]; allow some slack for other account types and the simulator. */
export const OpenidSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/);

export const BindWechatSchema = z.object({
  openid: OpenidSchema,
  nickname: z.string().trim().max(64).optional(),
  avatarUrl: z.url({ protocol: /^https?$/ }).max(512).optional(),
  consentTextVersion: z.string().min(1).max(32),
});
export type BindWechatInput = z.infer<typeof BindWechatSchema>;

/** The bind page's form: a one-time sign-in with 学号 + password, the consent tick and the version that was shown. */
export const BindWechatFormSchema = z.object({
  no: z.string().max(64),
  password: z.string().max(256),
  consent: z.string().max(8).optional(),
  consentTextVersion: z.string().max(32),
});
export type BindWechatFormInput = z.infer<typeof BindWechatFormSchema>;

const Clock = z
  .string()
  .transform((value, ctx) => {
    const minute = clockToMinute(value);
    if (minute === null) {
      ctx.addIssue({ code: "custom", message: "validation.invalid_format" });
      return z.NEVER;
    }
    return minute;
  });

/** A checkbox group arrives as nothing (none ticked), one string, or an array. */
const CheckedKinds = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.enum(PUSH_KINDS)).max(PUSH_KINDS.length),
);

export const WechatSettingsSchema = z.object({
  kinds: CheckedKinds,
  quietStart: Clock,
  quietEnd: Clock,
});
export type WechatSettingsInput = z.infer<typeof WechatSettingsSchema>;

/** Unbinding takes no input: it always ends the actor's own binding. */
export const UnbindWechatSchema = z.object({});

/** Withdrawing consent takes no input either: always the actor's own. */
export const WithdrawConsentSchema = z.object({});

/** Agreeing again in the settings: the consent tick and the version of the text shown, as on the bind page. */
export const GrantConsentSchema = BindWechatFormSchema.pick({ consent: true, consentTextVersion: true });
export type GrantConsentInput = z.infer<typeof GrantConsentSchema>;
