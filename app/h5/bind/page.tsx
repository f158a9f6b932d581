import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { BindForm } from "@/components/binding/bind-form";
import { ConsentText } from "@/components/binding/consent-text";
import { ClientMessages } from "@/components/intl/client-messages";
import { buttonClass } from "@/components/ui/button";
import { CONSENT_TEXT_VERSION } from "@/lib/binding/consent";
import { BIND_TICKET_COOKIE, openBindTicket } from "@/lib/binding/oauth-flow";
import { h5EntryPath } from "@/lib/binding/paths";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("wechat"))("bind.title") };
}

/**
 * Reached from the OAuth callback when this WeChat is not bound yet: sign in once, read the consent text, agree.
 * Without the bind ticket the callback sealed into this browser there is nothing to bind.
 */
export default async function BindPage() {
  const ticket = openBindTicket((await cookies()).get(BIND_TICKET_COOKIE)?.value);
  const t = await getTranslations("wechat.bind");
  if (!ticket) {
    return (
      <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="bind-expired">
        <h1 className="text-lg font-semibold">{t("expiredTitle")}</h1>
        <p className="text-sm text-slate-700">{t("expired")}</p>
        <a href={h5EntryPath("/")} className={buttonClass("secondary")}>{t("retry")}</a>
      </section>
    );
  }
  return (
    <>
      <div className="space-y-2">
        <h1 className="text-lg font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-700">{t("intro")}</p>
        {ticket.nickname ? (
          <p className="text-sm text-slate-700">{t("as", { nickname: ticket.nickname })}</p>
        ) : (
          <a href={h5EntryPath(ticket.next, { profile: true })} className="text-sm text-brand-700 underline" data-testid="bind-show-avatar">
            {t("showAvatar")}
          </a>
        )}
      </div>
      <ConsentText />
      <section className="rounded-xl border border-slate-200 bg-white p-4">
        <ClientMessages namespaces={["wechat"]}>
          <BindForm consentTextVersion={CONSENT_TEXT_VERSION} />
        </ClientMessages>
      </section>
    </>
  );
}
