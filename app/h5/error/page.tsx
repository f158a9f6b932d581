import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { h5EntryPath, safeNextPath } from "@/lib/binding/paths";
import type { ErrorCode } from "@/lib/errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("wechat"))("error.title") };
}

/** Only the codes the OAuth callback sends here are shown; anything else in the URL reads as a failed sign-in. */
const SHOWN: readonly ErrorCode[] = ["binding.oauth_failed", "binding.oauth_denied", "binding.expired", "auth.disabled", "common.unexpected"];

export default async function WechatErrorPage({ searchParams }: { searchParams: Promise<{ code?: string; next?: string }> }) {
  const { code, next } = await searchParams;
  const shown = SHOWN.find((known) => known === code) ?? "binding.oauth_failed";
  const t = await getTranslations();
  return (
    <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="wechat-error" data-code={shown}>
      <h1 className="text-lg font-semibold">{t("wechat.error.title")}</h1>
      <p role="alert" className="text-sm text-slate-700">{t(`errors.${shown}`)}</p>
      <div className="flex flex-wrap gap-2">
        {shown !== "auth.disabled" && (
          <a href={h5EntryPath(safeNextPath(next))} className={buttonClass("primary")}>{t("wechat.error.retry")}</a>
        )}
        <Link href="/login" className={buttonClass("secondary")}>{t("wechat.error.home")}</Link>
      </div>
    </section>
  );
}
