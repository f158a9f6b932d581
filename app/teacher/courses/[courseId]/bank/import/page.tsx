import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/course/section-header";
import { ClientMessages } from "@/components/intl/client-messages";
import { QuestionImportPanel } from "@/components/qbank/import-panel";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { authorizeBank } from "@/lib/qbank/authorize-bank";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("qbank"))("import.title") };
}

export default async function ImportQuestionsPage({ params }: { params: Promise<{ courseId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId } = await params;
  const { courseId: id } = await orHttpError(authorizeBank(actor, courseId));
  const t = await getTranslations("qbank.import");
  return (
    <div className="max-w-5xl">
      <SectionHeader title={t("title")} />
      <Card>
        <ClientMessages namespaces={["qbank"]}>
          <QuestionImportPanel courseId={id} />
        </ClientMessages>
      </Card>
    </div>
  );
}
