import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EvaluationAnswerForm } from "@/components/evaluation/answer-form";
import { ClientMessages } from "@/components/intl/client-messages";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePortal } from "@/lib/auth/session";
import { studentCoursePath } from "@/lib/course/paths";
import { getEvaluationForStudent } from "@/lib/evaluation/get-evaluation-for-student";
import { orHttpError } from "@/lib/page-errors";

const DATE_TIME = { month: "numeric", day: "numeric", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("evaluation"))("title") };
}

/** 评教 on the phone: the window, the anonymity promise, then the form once — or why it cannot be answered. */
export default async function StudentEvaluationPage({ params }: { params: Promise<{ evaluationId: string }> }) {
  const actor = await requirePortal("student");
  const { evaluationId } = await params;
  const [evaluation, t, format] = await Promise.all([
    orHttpError(getEvaluationForStudent(actor, evaluationId)),
    getTranslations("evaluation"),
    getFormatter(),
  ]);
  const notice = evaluation.answered
    ? t("student.answered")
    : evaluation.state === "not_open"
      ? t("student.notOpen", { time: format.dateTime(evaluation.opensAt, DATE_TIME) })
      : evaluation.state === "closed"
        ? t("student.closed", { time: format.dateTime(evaluation.closesAt, DATE_TIME) })
        : t("student.openUntil", { time: format.dateTime(evaluation.closesAt, DATE_TIME) });
  const canAnswer = evaluation.state === "open" && !evaluation.answered;
  return (
    <div className="space-y-4">
      <Link href={studentCoursePath(evaluation.courseId, "coursework")} className="inline-block text-sm text-brand-700">
        ← {evaluation.courseTitle}
      </Link>
      <PageHeader
        title={evaluation.title}
        subtitle={evaluation.lessonTitle ? t("scopeLesson", { title: evaluation.lessonTitle }) : t("scopeCourse")}
      />
      <p
        data-testid="evaluation-student-state"
        data-state={evaluation.answered ? "answered" : evaluation.state}
        className={`rounded-lg px-3 py-2 text-sm ${canAnswer ? "bg-amber-50 text-amber-900" : "bg-slate-100 text-slate-700"}`}
      >
        {notice}
      </p>
      {canAnswer && (
        <Card>
          <p className="mb-4 text-sm text-slate-600">{t("student.anonymity")}</p>
          <ClientMessages namespaces={["evaluation"]}>
            <EvaluationAnswerForm evaluationId={evaluation.id} items={evaluation.items} />
          </ClientMessages>
        </Card>
      )}
    </div>
  );
}
