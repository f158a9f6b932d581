import { getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/course/section-header";
import { ClientMessages } from "@/components/intl/client-messages";
import { QuizSettingsForm } from "@/components/quiz/quiz-settings-form";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { getQuizFormOptions } from "@/lib/quiz/get-quiz-for-editor";

/** A new quiz starts with its settings; the questions are added on the next page. */
export default async function NewQuizPage({ params }: { params: Promise<{ courseId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId } = await params;
  const [options, t] = await Promise.all([orHttpError(getQuizFormOptions(actor, courseId)), getTranslations("quiz.list")]);
  return (
    <div className="max-w-4xl">
      <SectionHeader title={t("new")} />
      <ClientMessages namespaces={["quiz"]}>
        <QuizSettingsForm
          courseId={courseId}
          options={options}
          hasAttempts={false}
          values={{
            title: "",
            description: "",
            lessonId: "",
            assessmentItemId: "",
            opensAt: "",
            closesAt: "",
            timeLimitMinutes: null,
            attemptsAllowed: 1,
            scoring: "HIGHEST",
            shuffleQuestions: false,
            shuffleOptions: false,
            review: "AFTER_CLOSE",
            confidenceMarking: false,
            passPercent: 60,
          }}
        />
      </ClientMessages>
    </div>
  );
}
