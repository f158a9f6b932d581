"use server";
import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { formToObject, runAction } from "@/lib/action";
import { clientIpOf } from "@/lib/auth/client-ip";
import { requireActor } from "@/lib/auth/session";
import { wechatSessionCookie } from "@/lib/auth/wechat-provider";
import type { ActionResult } from "@/lib/errors";
import { bindWithTicket } from "./bind-with-ticket";
import { grantConsent } from "./grant-consent";
import { BIND_TICKET_COOKIE } from "./oauth-flow";
import { h5CookiePath, wechatSettingsPaths } from "./paths";
import { BindWechatFormSchema, GrantConsentSchema, UnbindWechatSchema, WechatSettingsSchema, WithdrawConsentSchema } from "./schemas";
import { unbindWechat, withdrawConsent } from "./unbind-wechat";
import { updateWechatSettings } from "./update-wechat-settings";

/** The bind page: sign in once, agree, bind; then the student is signed in and goes where they were heading. */
export async function bindWechatAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const jar = await cookies();
  const result = await runAction(BindWechatFormSchema, formToObject(form), async (input) => {
    const bound = await bindWithTicket(input, jar.get(BIND_TICKET_COOKIE)?.value, clientIpOf(await headers()));
    const session = await wechatSessionCookie(bound.userId);
    if (session) jar.set(session.name, session.value, session.options);
    jar.set(BIND_TICKET_COOKIE, "", { path: h5CookiePath, maxAge: 0 });
    return bound.next;
  });
  if (!result.ok) return result;
  redirect(result.data);
}

// The action does not know which portal's page posted it; both show the same settings.
const revalidateSettingsPages = () => Object.values(wechatSettingsPaths).forEach((path) => revalidatePath(path));

export async function updateWechatSettingsAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runAction(WechatSettingsSchema, formToObject(form), async (input) =>
    updateWechatSettings(await requireActor(), input),
  );
  if (result.ok) revalidateSettingsPages();
  return result;
}

export async function unbindWechatAction(_prev: ActionResult | null, _form: FormData): Promise<ActionResult> {
  const result = await runAction(UnbindWechatSchema, {}, async () => unbindWechat(await requireActor()));
  if (result.ok) revalidateSettingsPages();
  return result;
}

/** Withdraws consent and stays bound: pushes stop at once. */
export async function withdrawConsentAction(_prev: ActionResult | null, _form: FormData): Promise<ActionResult> {
  const result = await runAction(WithdrawConsentSchema, {}, async () => withdrawConsent(await requireActor()));
  if (result.ok) revalidateSettingsPages();
  return result;
}

/** Agrees again to the current consent text: pushes resume. */
export async function grantConsentAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runAction(GrantConsentSchema, formToObject(form), async (input) => grantConsent(await requireActor(), input));
  if (result.ok) revalidateSettingsPages();
  return result;
}
