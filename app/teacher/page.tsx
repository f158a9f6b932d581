import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePortal } from "@/lib/auth/session";

export default async function TeacherHome() {
  const actor = await requirePortal("teacher");
  const t = await getTranslations("teacher");
  return <PageHeader title={t("home.title")} subtitle={actor.name} />;
}
