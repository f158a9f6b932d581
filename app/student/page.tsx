import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePortal } from "@/lib/auth/session";

export default async function StudentHome() {
  const actor = await requirePortal("student");
  const t = await getTranslations("student");
  return <PageHeader title={t("home.title")} subtitle={actor.name} />;
}
