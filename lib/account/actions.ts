"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { LOCALE_COOKIE } from "@/i18n/config";
import { formToObject, runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { clearSessionCookies } from "@/lib/auth/sign-out";
import type { ActionResult } from "@/lib/errors";
import { changePassword } from "./change-password";
import { ChangePasswordSchema, SetLocaleSchema } from "./schemas";

export async function changePasswordAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runAction(ChangePasswordSchema, formToObject(form), async (input) =>
    changePassword(await requireActor(), input),
  );
  if (!result.ok) return result;
  // The change ended every session, this one included: sign in again with the new password.
  await clearSessionCookies();
  redirect("/login?changed=1");
}

export async function signOutAction(): Promise<void> {
  await clearSessionCookies();
  redirect("/login");
}

export async function setLocaleAction(locale: string): Promise<ActionResult> {
  return runAction(SetLocaleSchema, { locale }, async (input) => {
    (await cookies()).set(LOCALE_COOKIE, input.locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  });
}
