import { z } from "zod";
import { LOCALES } from "@/i18n/config";
import { PasswordSchema } from "@/lib/auth/password";

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(256),
    newPassword: PasswordSchema,
    confirmPassword: z.string().max(256),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "validation.password_mismatch", path: ["confirmPassword"] });
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;

export const SetLocaleSchema = z.object({ locale: z.enum(LOCALES) });
