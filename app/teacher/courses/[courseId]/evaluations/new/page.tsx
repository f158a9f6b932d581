import { getFormatter, getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/course/section-header";
import { EvaluationForm } from "@/components/evaluation/evaluation-form";
import { ClientMessages } from "@/components/intl/client-messages";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { getNewEvaluationDefaults } from "@/lib/evaluation/new-evaluation-defaults";
import { teacherEvaluationsPath } from "@/lib/evaluation/paths";
import { orHttpError } from "@/lib/page-errors";

const DATE = { month: "numeric", day: "numeric" } as const;

export default async function NewEvaluationPage({ params }: { params: Promise<{ courseId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId } = await params;
  const [defaults, t, format] = await Promise.all([
    orHttpError(getNewEvaluationDefaults(actor, courseId)),
    getTranslations("evaluation.form"),
    getFormatter(),
  ]);
  const lessons = defaults.lessons.map((lesson, i) => ({
    id: lesson.id,
    label: `${i + 1}. ${lesson.title}（${format.dateTime(lesson.startsAt, DATE)}）`,
  }));
  return (
    <div className="max-w-2xl">
      <SectionHeader title={t("newTitle")} />
      <Card>
        {/* The item editor's counter text lives in the course namespace. */}
        <ClientMessages namespaces={["evaluation", "course"]}>
          <EvaluationForm
            target={{ mode: "create", courseId, lessons }}
            initial={defaults.values}
            cancelHref={teacherEvaluationsPath(courseId)}
          />
        </ClientMessages>
      </Card>
    </div>
  );
}
