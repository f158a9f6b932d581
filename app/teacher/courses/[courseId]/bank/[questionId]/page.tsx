import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/course/section-header";
import { ClientMessages } from "@/components/intl/client-messages";
import { ArchiveButton } from "@/components/qbank/archive-button";
import { QuestionEditor } from "@/components/qbank/question-editor";
import { QuestionView } from "@/components/qbank/question-view";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { bankNewPath, bankPath, bankQuestionPath } from "@/lib/qbank/paths";
import { getBankQuestion } from "@/lib/qbank/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("qbank"))("editor.editTitle") };
}

/** The editor of one of the course's questions; a question another course shares opens read-only. */
export default async function QuestionPage({ params }: { params: Promise<{ courseId: string; questionId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId, questionId } = await params;
  const { question, caseQuestions, cases, tags } = await orHttpError(getBankQuestion(actor, courseId, questionId));
  const t = await getTranslations("qbank");

  const caseList = question.case && (
    <Card title={t("editor.case.others")}>
      <ol className="space-y-1 text-sm" data-testid="qe-case-questions">
        {caseQuestions.map((q) => (
          <li key={q.id} className={q.id === question.id ? "font-medium" : ""}>
            {q.casePosition}.{" "}
            {q.id === question.id ? (
              q.stem
            ) : (
              <Link href={bankQuestionPath(courseId, q.id)} className="text-brand-700 hover:underline">
                {q.stem}
              </Link>
            )}
          </li>
        ))}
      </ol>
      {question.editable && (
        <Link href={bankNewPath(courseId, question.case.id)} className={`${buttonClass("ghost")} mt-2`}>
          {t("list.addToCase")}
        </Link>
      )}
    </Card>
  );

  if (!question.editable) {
    return (
      <div className="max-w-4xl space-y-4">
        <SectionHeader title={t("editor.viewTitle")} />
        <p role="note" className="rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700">
          {t("editor.readOnly", { course: question.fromCourse?.title ?? "" })}
        </p>
        <Card>
          <QuestionView question={question} />
        </Card>
        {caseList}
        <Link href={bankPath(courseId)} className={buttonClass("secondary")}>
          {t("editor.back")}
        </Link>
      </div>
    );
  }

  return (
    <ClientMessages namespaces={["qbank"]}>
      <div className="grid max-w-6xl gap-4 lg:grid-cols-[1fr_16rem]">
        <div className="min-w-0 space-y-4">
          <SectionHeader title={t("editor.editTitle")} />
          {question.archived && (
            <p role="note" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t("editor.archivedNote")}
            </p>
          )}
          <Card>
            <QuestionEditor
              courseId={courseId}
              cases={cases}
              tagSuggestions={tags}
              cancelHref={bankPath(courseId)}
              initial={{
                id: question.id,
                type: question.type,
                stem: question.stem,
                options: question.options,
                answer: question.answer,
                partialCredit: question.partialCredit,
                caseInsensitive: question.caseInsensitive,
                referenceAnswer: question.referenceAnswer,
                explanation: question.explanation,
                difficulty: question.difficulty,
                tags: question.tags,
                shared: question.shared,
                caseId: question.case?.id ?? null,
              }}
            />
          </Card>
        </div>
        <aside className="space-y-4 lg:pt-12">
          <Card>
            <ArchiveButton courseId={courseId} questionId={question.id} archived={question.archived} />
            <p className="mt-2 text-xs text-slate-500">{t("editor.archiveHint")}</p>
          </Card>
          {caseList}
        </aside>
      </div>
    </ClientMessages>
  );
}
