import { getTranslations } from "next-intl/server";
import { BindingCard } from "@/components/binding/binding-card";
import { ConfirmActionButton } from "@/components/binding/confirm-action-button";
import { ConsentHistory } from "@/components/binding/consent-history";
import { ConsentText } from "@/components/binding/consent-text";
import { GrantConsentForm } from "@/components/binding/grant-consent-form";
import { WechatSettingsForm } from "@/components/binding/wechat-settings-form";
import { ClientMessages } from "@/components/intl/client-messages";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { Actor } from "@/lib/auth/authz";
import { unbindWechatAction, withdrawConsentAction } from "@/lib/binding/actions";
import { CONSENT_TEXT_VERSION } from "@/lib/binding/consent";
import { h5EntryPath } from "@/lib/binding/paths";
import { getWechatSettings } from "@/lib/binding/queries";
import { minuteToClock } from "@/lib/binding/quiet-hours";
import { isDemoMode } from "@/lib/env";
import { findWechatConfig } from "@/lib/wechat/config";

/**
 * The actor's own WeChat binding, what they receive and when, withdrawing consent (staying bound) or agreeing again,
 * unbinding, and their consent history: students get lesson pushes, teachers the feedback summary. `path` is the
 * portal page it is shown on (where demo binding returns).
 */
export async function WechatSettingsPage({ actor, path }: { actor: Actor; path: string }) {
  const [settings, t] = await Promise.all([getWechatSettings(actor), getTranslations("wechat")]);
  const binding = settings.binding;
  const bound = !!binding && binding.state !== "unbound";
  const withdrawn = binding?.state === "withdrawn";
  const wechatOn = !!findWechatConfig();
  return (
    <>
      <PageHeader title={t("settings.title")} subtitle={t("settings.subtitle")} />
      <div className="max-w-2xl space-y-4">
        {binding && <BindingCard binding={binding} />}
        {!bound && (
          <Card title={t("settings.notBoundTitle")}>
            <div className="space-y-3 text-sm" {...(!binding && { "data-testid": "wechat-binding", "data-state": "none" })}>
              <p className="text-slate-700">{t(wechatOn ? "settings.howToBind" : "settings.wechatOff")}</p>
              {wechatOn && isDemoMode() && (
                <a href={h5EntryPath(path)} className={buttonClass("secondary")} data-testid="wechat-demo-bind">
                  {t("settings.demoBind")}
                </a>
              )}
            </div>
          </Card>
        )}
        {bound && (
          <ClientMessages namespaces={["wechat"]}>
            {withdrawn && (
              <Card title={t("settings.regrantTitle")}>
                <div className="space-y-3">
                  <p className="text-sm text-slate-700">{t("settings.regrantHelp")}</p>
                  <ConsentText />
                  <GrantConsentForm consentTextVersion={CONSENT_TEXT_VERSION} />
                </div>
              </Card>
            )}
            <Card>
              <WechatSettingsForm
                preferences={settings.preferences}
                quietStart={minuteToClock(binding.quietStartMinute)}
                quietEnd={minuteToClock(binding.quietEndMinute)}
              />
            </Card>
            {!withdrawn && (
              <Card title={t("settings.withdrawTitle")}>
                <p className="mb-3 text-sm text-slate-700">{t("settings.withdrawHelp")}</p>
                <ConfirmActionButton action={withdrawConsentAction} label={t("settings.withdraw")} confirmText={t("settings.withdrawConfirm")} testId="withdraw-consent-button" />
              </Card>
            )}
            <Card title={t("settings.unbindTitle")}>
              <p className="mb-3 text-sm text-slate-700">{t("settings.unbindHelp")}</p>
              <ConfirmActionButton action={unbindWechatAction} label={t("settings.unbind")} confirmText={t("settings.unbindConfirm")} testId="unbind-button" />
            </Card>
          </ClientMessages>
        )}
        <ConsentHistory consents={settings.consents} />
        {!withdrawn && (
          <details className="rounded-xl border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("settings.readConsent")}</summary>
            <div className="mt-3">
              <ConsentText />
            </div>
          </details>
        )}
      </div>
    </>
  );
}
