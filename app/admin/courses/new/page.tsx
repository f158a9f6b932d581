import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CourseForm } from "@/components/admin/course-form";
import { ClientMessages } from "@/components/intl/client-messages";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listDepartments } from "@/lib/admin/queries";
import { canGlobal } from "@/lib/auth/authz";
import { requirePortal } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.courses"))("newTitle") };
}

export default async function NewCoursePage() {
  const actor = await requirePortal("admin");
  if (!canGlobal(actor, "admin.courses")) forbidden();
  const [t, departments] = await Promise.all([getTranslations("admin.courses"), listDepartments(actor)]);
  return (
    <ClientMessages namespaces={["admin"]}>
      <Link href="/admin/courses" className="mb-3 inline-block text-sm text-brand-700">
        ← {t("back")}
      </Link>
      <PageHeader title={t("newTitle")} />
      <Card>
        <CourseForm departments={departments} />
      </Card>
    </ClientMessages>
  );
}
