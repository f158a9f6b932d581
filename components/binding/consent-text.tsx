import { getTranslations } from "next-intl/server";
import { CONSENT_SECTIONS, CONSENT_TEXT_VERSION } from "@/lib/binding/consent";
import { PUSH_KINDS } from "@/lib/wechat/push-kinds";

/** The consent text of CONSENT_TEXT_VERSION: what is sent, when (every push kind), how to stop, what is kept. */
export async function ConsentText() {
  const t = await getTranslations("wechat");
  return (
    <section data-testid="consent-text" aria-labelledby="consent-title" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 text-sm leading-relaxed">
      <h2 id="consent-title" className="text-base font-semibold">{t("consent.title")}</h2>
      <p className="text-slate-700">{t("consent.intro")}</p>
      {CONSENT_SECTIONS.map((section) => (
        <div key={section}>
          <h3 className="font-medium text-slate-900">{t(`consent.${section}Title`)}</h3>
          <p className="text-slate-700">{t(`consent.${section}`)}</p>
          {section === "when" && (
            <>
              <ul className="my-1 list-disc space-y-0.5 pl-5 text-slate-700" data-testid="consent-kinds">
                {PUSH_KINDS.map((kind) => (
                  <li key={kind}>
                    {t.rich("consent.whenKind", {
                      label: t(`kinds.${kind}.label`),
                      hint: t(`kinds.${kind}.hint`),
                      b: (chunks) => <span className="font-medium">{chunks}</span>,
                    })}
                  </li>
                ))}
              </ul>
              <p className="text-slate-700">{t("consent.whenQuiet")}</p>
            </>
          )}
        </div>
      ))}
      <p className="text-xs text-slate-500">{t("bind.version", { version: CONSENT_TEXT_VERSION })}</p>
    </section>
  );
}
