import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { homePortalOf } from "@/lib/auth/authz";
import { requireSignedIn } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("changeTitle") };
}

export default async function ChangePasswordPage() {
  const actor = await requireSignedIn();
  const t = await getTranslations();
  return (
    <main className="mx-auto max-w-md px-4 py-8">
      <h1 className="mb-2 text-xl font-semibold">{t("auth.changeTitle")}</h1>
      {actor.mustChangePassword ? (
        <p className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800" role="note">{t("auth.mustChange")}</p>
      ) : (
        <Link href={`/${homePortalOf(actor.role)}`} className="mb-4 inline-block text-sm text-brand-700">← {t("common.back")}</Link>
      )}
      <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
        <ChangePasswordForm />
      </section>
    </main>
  );
}
