import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/authz";
import { listPlanChangesForStudent } from "@/lib/plan/list-plan-changes-for-student";
import { studentPlanChangesPath } from "@/lib/plan/paths";

/**
 * For the student's lesson pages: a highlighted link to the teacher's adjustments once there are any, with a
 * thank-you when the student's own feedback was among the causes. Renders nothing before the first adjustment.
 */
export async function PlanChangesBanner({ actor, lessonId }: { actor: Actor; lessonId: string }) {
  const { changes, yourFeedbackHelped } = await listPlanChangesForStudent(actor, lessonId);
  if (changes.length === 0) return null;
  const t = await getTranslations("plan.banner");
  return (
    <Link
      href={studentPlanChangesPath(lessonId)}
      data-testid="plan-changes-banner"
      className="mb-4 flex items-center gap-3 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950 shadow-sm hover:bg-amber-100"
    >
      <span className="min-w-0 flex-1">
        <span className="block font-medium">{t("title", { count: changes.length })}</span>
        {yourFeedbackHelped && (
          <span data-testid="your-feedback-helped" className="mt-0.5 block text-sm">
            {t("yourFeedback")}
          </span>
        )}
      </span>
      <span aria-hidden className="text-xl">
        →
      </span>
    </Link>
  );
}
