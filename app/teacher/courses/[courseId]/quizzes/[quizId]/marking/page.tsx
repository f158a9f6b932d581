import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/course/section-header";
import { ClientMessages } from "@/components/intl/client-messages";
import { Markdown } from "@/components/markdown";
import { MarkingForm } from "@/components/quiz/marking-form";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { getMarkingQueue } from "@/lib/quiz/marking";
import { teacherQuizzesPath } from "@/lib/quiz/paths";

/** Short answers waiting for a score, question by question with the reference answer. */
export default async function MarkingPage({ params }: { params: Promise<{ courseId: string; quizId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId, quizId } = await params;
  const [queue, t] = await Promise.all([orHttpError(getMarkingQueue(actor, quizId)), getTranslations("quiz.marking")]);
  if (queue.quiz.courseId !== courseId) notFound();
  const byQuestion = new Map<string, typeof queue.items>();
  for (const item of queue.items) byQuestion.set(item.questionId, [...(byQuestion.get(item.questionId) ?? []), item]);
  return (
    <div className="max-w-4xl space-y-4">
      <Link href={teacherQuizzesPath(courseId)} className="text-sm text-brand-700">
        ← {t("back")}
      </Link>
      <SectionHeader title={t("title", { quiz: queue.quiz.title })} />
      <p className="text-sm text-slate-600" data-testid="marking-counts">
        {t("counts", { open: queue.items.length, marked: queue.marked })}
      </p>
      {!queue.items.length && (
        <Card>
          <p className="py-6 text-center text-sm text-slate-600">{t("done")}</p>
        </Card>
      )}
      <ClientMessages namespaces={["quiz"]}>
        {[...byQuestion.values()].map((items) => (
          <Card key={items[0].questionId} title={<Markdown source={items[0].stem} className="text-sm font-normal" />}>
            <div className="mb-3 rounded-lg bg-emerald-50 p-3 text-sm">
              <p className="mb-1 font-medium text-emerald-900">{t("reference")}</p>
              {items[0].referenceAnswer ? <Markdown source={items[0].referenceAnswer} /> : <p className="text-slate-500">{t("noReference")}</p>}
            </div>
            <ul className="space-y-4">
              {items.map((item) => (
                <li key={item.attemptQuestionId} className="space-y-2 border-t border-slate-100 pt-3" data-testid="marking-item">
                  <p className="text-sm text-slate-600">
                    {item.student.name} <span className="text-xs">{item.student.no}</span> · {t("attempt", { number: item.attemptNumber })}
                  </p>
                  <p className="whitespace-pre-wrap rounded-lg bg-slate-50 p-3 text-sm">{item.answer}</p>
                  <MarkingForm attemptQuestionId={item.attemptQuestionId} points={item.points} />
                </li>
              ))}
            </ul>
          </Card>
        ))}
      </ClientMessages>
    </div>
  );
}
