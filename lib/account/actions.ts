"use server";
import { cookies } from "next/headers";
import { LOCALE_COOKIE } from "@/i18n/config";
import { formToObject, runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { changePassword } from "./change-password";
import { ChangePasswordSchema, SetLocaleSchema } from "./schemas";

export async function changePasswordAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(ChangePasswordSchema, formToObject(form), async (input) => changePassword(await requireActor(), input));
}

export async function setLocaleAction(locale: string): Promise<ActionResult> {
  return runAction(SetLocaleSchema, { locale }, async (input) => {
    (await cookies()).set(LOCALE_COOKIE, input.locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  });
}
