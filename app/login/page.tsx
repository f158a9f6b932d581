import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import { homePortalOf } from "@/lib/auth/authz";
import { getActor } from "@/lib/auth/session";
import { DEMO_LOGINS, DEMO_PASSWORD } from "@/lib/demo/accounts";
import { isDemoMode } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const { changed } = await searchParams;
  const actor = await getActor();
  if (actor) redirect(`/${homePortalOf(actor.role)}`);
  const t = await getTranslations();
  const demo = isDemoMode();
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-6 px-4 py-8">
      <div className="flex items-center justify-between">
        <div className="flex items-center gap-3">
          <span aria-hidden className="grid h-11 w-11 place-items-center rounded-xl bg-brand-600 text-xl text-white">杏</span>
          <div>
            <p className="text-lg font-semibold text-brand-700">{t("common.appName")}</p>
            <p className="text-xs text-slate-500">{t("common.tagline")}</p>
          </div>
        </div>
        <LocaleSwitcher />
      </div>
      <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
        <h1 className="mb-4 text-lg font-semibold">{t("auth.title")}</h1>
        {changed && (
          <p role="status" className="mb-4 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            {t("auth.changed")}
          </p>
        )}
        <LoginForm />
      </section>
      {demo && (
        <section className="rounded-2xl border border-dashed border-brand-500/40 bg-brand-50 p-4 text-sm" data-testid="demo-logins">
          <h2 className="mb-1 font-semibold text-brand-700">{t("auth.demoTitle")}</h2>
          <p className="mb-2 text-slate-600">{t("auth.demoHint", { password: DEMO_PASSWORD })}</p>
          <ul className="grid grid-cols-1 gap-1 sm:grid-cols-2">
            {DEMO_LOGINS.map((login) => (
              <li key={login.no} className="flex justify-between gap-2 rounded bg-white/70 px-2 py-1">
                <code className="font-mono">{login.no}</code>
                <span className="truncate text-slate-600">{t(`common.role.${login.role}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
