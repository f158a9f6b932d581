import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { WechatSettings } from "@/lib/binding/queries";

/** Every consent and withdrawal, newest first: the record stays after unbinding. */
export async function ConsentHistory({ consents }: { consents: WechatSettings["consents"] }) {
  const [t, format] = await Promise.all([getTranslations("wechat.settings"), getFormatter()]);
  return (
    <Card title={t("historyTitle")}>
      <div data-testid="consent-history">
        {consents.length === 0 ? (
          <p className="text-sm text-slate-500">{t("historyEmpty")}</p>
        ) : (
          <ol className="space-y-2 text-sm">
            {consents.map((consent) => (
              <li key={consent.id} data-action={consent.action} className="flex flex-wrap justify-between gap-x-3 border-b border-slate-100 pb-2 last:border-0">
                <span>
                  {t("historyItem", {
                    action: t(consent.action === "GRANTED" ? "granted" : "withdrawn"),
                    version: consent.textVersion,
                    openid: consent.openidTail,
                  })}
                </span>
                <time dateTime={consent.createdAt.toISOString()} className="text-slate-500">
                  {format.dateTime(consent.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </li>
            ))}
          </ol>
        )}
      </div>
    </Card>
  );
}
