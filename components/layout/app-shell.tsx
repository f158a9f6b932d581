import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { Actor, Portal } from "@/lib/auth/authz";
import { canUsePortal } from "@/lib/auth/authz";
import { LocaleSwitcher } from "./locale-switcher";
import { SignOutButton } from "./sign-out-button";

export interface NavItem {
  href: string;
  label: string;
}

/** Top bar for every portal: brand, the portal's sections, the other portals the actor may use, account links. */
export async function AppShell({ actor, portal, nav, children }: {
  actor: Actor;
  portal: Portal;
  nav: NavItem[];
  children: ReactNode;
}) {
  const t = await getTranslations("common");
  const otherPortals = (["student", "teacher", "admin"] as const).filter((p) => p !== portal && canUsePortal(actor, p));
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-2">
          <Link href={`/${portal}`} className="flex items-center gap-2 font-semibold text-brand-700">
            <span aria-hidden className="grid h-8 w-8 place-items-center rounded-lg bg-brand-600 text-white">杏</span>
            <span className="hidden sm:inline">{t("appName")}</span>
          </Link>
          <span className="rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-700">{t(`portal.${portal}`)}</span>
          <div className="ml-auto flex items-center gap-1">
            {otherPortals.map((p) => (
              <Link key={p} href={`/${p}`} className="hidden rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 sm:inline">
                {t(`portal.${p}`)}
              </Link>
            ))}
            <Link href="/account/password" className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100" data-testid="user-name">
              {actor.name}
            </Link>
            <LocaleSwitcher />
            <SignOutButton />
          </div>
        </div>
        {nav.length > 0 && (
          <nav className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-4 pb-2 text-sm">
            {nav.map((item) => (
              <Link key={item.href} href={item.href} className="whitespace-nowrap rounded-md px-3 py-1.5 text-slate-700 hover:bg-slate-100">
                {item.label}
              </Link>
            ))}
          </nav>
        )}
      </header>
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-4 sm:py-6">{children}</main>
    </div>
  );
}
