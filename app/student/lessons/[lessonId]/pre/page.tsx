import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { Markdown } from "@/components/markdown";
import { FeedbackForm } from "@/components/preclass/feedback-form";
import { FeedbackStatus } from "@/components/preclass/feedback-status";
import { FeedbackView } from "@/components/preclass/feedback-view";
import { StudentAttachments } from "@/components/preclass/student-attachments";
import { StudentCase } from "@/components/preclass/student-case";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { getLessonContext } from "@/lib/lesson/lesson-context";
import { orHttpError } from "@/lib/page-errors";
import { getMyFeedback } from "@/lib/preclass/get-my-feedback";
import { getPackageForStudent } from "@/lib/preclass/get-package-for-student";

const DATE_TIME = { month: "numeric", day: "numeric", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

/** 课前 on the phone: material, attachments, the staged case, then the feedback form while the window is open. */
export default async function StudentPrePage({ params }: { params: Promise<{ lessonId: string }> }) {
  const actor = await requirePortal("student");
  const { lessonId } = await params;
  const [lesson, pkg, feedback, t, format] = await Promise.all([
    orHttpError(getLessonContext(actor, lessonId)),
    orHttpError(getPackageForStudent(actor, lessonId)),
    orHttpError(getMyFeedback(actor, lessonId)),
    getTranslations("preclass.student"),
    getFormatter(),
  ]);

  if (pkg.state === "unpublished" || pkg.state === "not_open") {
    return (
      <Card>
        <p data-testid="preclass-state" data-state={pkg.state} className="py-6 text-center text-sm text-slate-600">
          {pkg.state === "unpublished" ? t("unpublished") : t("notOpen", { time: format.dateTime(pkg.opensAt, DATE_TIME) })}
        </p>
      </Card>
    );
  }

  const open = pkg.state === "open";
  return (
    <div className="space-y-4">
      <p
        data-testid="preclass-state"
        data-state={pkg.state}
        className={`rounded-lg px-3 py-2 text-sm ${open ? "bg-amber-50 text-amber-900" : "bg-slate-100 text-slate-700"}`}
      >
        {open ? t("openUntil", { time: format.dateTime(pkg.closesAt, DATE_TIME) }) : t("closed", { time: format.dateTime(pkg.closesAt, DATE_TIME) })}
      </p>
      <Card title={t("material")}>
        <div data-testid="student-material">
          {pkg.material.trim() ? <Markdown source={pkg.material} className="text-sm" /> : <p className="text-sm text-slate-500">{t("noMaterial")}</p>}
        </div>
      </Card>
      {pkg.attachments.length > 0 && <StudentAttachments attachments={pkg.attachments} />}
      <ClientMessages namespaces={["preclass"]}>
        {pkg.case && <StudentCase clinicalCase={pkg.case} editable={open} />}
        {open ? (
          <FeedbackForm
            lessonId={lesson.id}
            objectives={lesson.objectives}
            status={<FeedbackStatus updatedAt={feedback?.updatedAt ?? null} />}
            initial={
              feedback && {
                ratings: Object.fromEntries(feedback.ratings.map((rating) => [rating.objectiveId, rating.confidence])),
                unclear: feedback.unclear,
                questions: feedback.questions,
              }
            }
          />
        ) : (
          <FeedbackView objectives={lesson.objectives} feedback={feedback} />
        )}
      </ClientMessages>
    </div>
  );
}
