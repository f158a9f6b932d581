import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { UserCreateForm } from "@/components/admin/user-create-form";
import { ClientMessages } from "@/components/intl/client-messages";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listDepartments } from "@/lib/admin/queries";
import { canGlobal } from "@/lib/auth/authz";
import { requirePortal } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.users"))("newTitle") };
}

export default async function NewUserPage() {
  const actor = await requirePortal("admin");
  if (!canGlobal(actor, "admin.users")) forbidden();
  const [t, departments] = await Promise.all([getTranslations("admin.users"), listDepartments(actor)]);
  return (
    <ClientMessages namespaces={["admin"]}>
      <Link href="/admin/users" className="mb-3 inline-block text-sm text-brand-700">
        ← {t("back")}
      </Link>
      <PageHeader title={t("newTitle")} />
      <Card>
        <UserCreateForm departments={departments} />
      </Card>
    </ClientMessages>
  );
}
