import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { AttachmentsPanel } from "@/components/preclass/attachments-panel";
import { PackageStatus } from "@/components/preclass/package-status";
import { PrepForm } from "@/components/preclass/prep-form";
import { PublishForm } from "@/components/preclass/publish-form";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { teacherLessonEditPath } from "@/lib/course/paths";
import { orHttpError } from "@/lib/page-errors";
import { getPackageForTeacher } from "@/lib/preclass/get-package-for-teacher";
import { localValueOf } from "@/lib/preclass/local-datetime";
import { uploadMaxBytes } from "@/lib/uploads/config";

const DAY_MS = 86_400_000;

/** The teacher prepares the lesson's pre-class package: material, attachments, the staged case, then publishes it. */
export default async function PrepPage({ params }: { params: Promise<{ lessonId: string }> }) {
  const actor = await requirePortal("teacher");
  const { lessonId } = await params;
  const [data, t] = await Promise.all([orHttpError(getPackageForTeacher(actor, lessonId)), getTranslations("preclass.prep")]);
  const { lesson, package: pkg } = data;
  // Suggested window: open now until the lesson starts (a day from now when it has already started).
  const now = new Date();
  const suggestedClose = lesson.startsAt > now ? lesson.startsAt : new Date(now.getTime() + DAY_MS);
  const published = pkg.status === "PUBLISHED";

  return (
    <div className="max-w-4xl space-y-4">
      <PackageStatus status={pkg.status} opensAt={pkg.opensAt} closesAt={pkg.closesAt} feedbackCount={data.feedbackCount} />
      <Card
        title={t("objectives")}
        actions={
          <Link href={teacherLessonEditPath(lesson.course.id, lesson.id)} className="text-sm text-brand-700 hover:underline">
            {t("editObjectives")}
          </Link>
        }
      >
        <p className="mb-2 text-xs text-slate-500">{t("objectivesHint")}</p>
        {lesson.objectives.length === 0 ? (
          <p className="text-sm text-amber-700">{t("noObjectives")}</p>
        ) : (
          <ol data-testid="prep-objectives" className="list-decimal space-y-1 pl-5 text-sm">
            {lesson.objectives.map((objective) => (
              <li key={objective.id}>{objective.text}</li>
            ))}
          </ol>
        )}
      </Card>
      <ClientMessages namespaces={["preclass"]}>
        <PrepForm
          initial={{ lessonId: lesson.id, material: pkg.material, case: data.case }}
          attachments={<AttachmentsPanel packageId={pkg.id} attachments={data.attachments} maxBytes={uploadMaxBytes()} />}
        />
        <PublishForm
          lessonId={lesson.id}
          published={published}
          opensAt={localValueOf(published && pkg.opensAt ? pkg.opensAt : now)}
          closesAt={localValueOf(published && pkg.closesAt ? pkg.closesAt : suggestedClose)}
          caseNeedsConfirmation={!!data.case && !data.case.deidentified}
        />
      </ClientMessages>
    </div>
  );
}
