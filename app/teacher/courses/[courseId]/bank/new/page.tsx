import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/course/section-header";
import { ClientMessages } from "@/components/intl/client-messages";
import { QuestionEditor } from "@/components/qbank/question-editor";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { bankPath } from "@/lib/qbank/paths";
import { getQuestionFormOptions } from "@/lib/qbank/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("qbank"))("editor.newTitle") };
}

/** ?caseId= starts the new question inside that case set ("add a question to this case"). */
export default async function NewQuestionPage({ params, searchParams }: {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<{ caseId?: string }>;
}) {
  const actor = await requirePortal("teacher");
  const [{ courseId }, { caseId }] = await Promise.all([params, searchParams]);
  const { cases, tags } = await orHttpError(getQuestionFormOptions(actor, courseId));
  const t = await getTranslations("qbank.editor");
  const inCase = cases.some((c) => c.id === caseId) ? caseId! : null;
  return (
    <div className="max-w-4xl">
      <SectionHeader title={t("newTitle")} />
      <Card>
        <ClientMessages namespaces={["qbank"]}>
          <QuestionEditor
            courseId={courseId}
            cases={cases}
            tagSuggestions={tags}
            cancelHref={bankPath(courseId)}
            initial={{
              type: "SINGLE",
              stem: "",
              options: [],
              answer: [],
              partialCredit: "ALL_OR_NOTHING",
              caseInsensitive: true,
              referenceAnswer: "",
              explanation: "",
              difficulty: 3,
              tags: [],
              shared: false,
              caseId: inCase,
            }}
          />
        </ClientMessages>
      </Card>
    </div>
  );
}
