import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePortal } from "@/lib/auth/session";

export default async function AdminHome() {
  const actor = await requirePortal("admin");
  const t = await getTranslations("admin");
  return <PageHeader title={t("home.title")} subtitle={actor.name} />;
}
