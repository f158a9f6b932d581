import { getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/course/section-header";
import { ClientMessages } from "@/components/intl/client-messages";
import { SetupForm } from "@/components/peer/setup-form";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { getPeerSetupOptions, starterRubric } from "@/lib/peer/setup-options";

/** A new peer review with the defaults: 3 reviews each, double-blind, median from 4, 80/20. */
export default async function NewPeerReviewPage({ params }: { params: Promise<{ courseId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId } = await params;
  const [{ lessons, assessmentItems }, t] = await Promise.all([orHttpError(getPeerSetupOptions(actor, courseId)), getTranslations("peer")]);
  return (
    <>
      <SectionHeader title={t("setup.newTitle")} />
      <Card>
        <ClientMessages namespaces={["peer"]}>
          <SetupForm
            courseId={courseId}
            lessons={lessons}
            assessmentItems={assessmentItems}
            rubricLocked={false}
            anonymityLocked={false}
            values={{
              activityId: null,
              title: "",
              instructions: "",
              lessonId: "",
              assessmentItemId: "",
              autoSwitch: true,
              submissionOpensAt: "",
              submissionClosesAt: "",
              assessmentClosesAt: "",
              reviewsPerSubmission: 3,
              selfAssessment: false,
              excludeOwnGroup: false,
              anonymity: "DOUBLE_BLIND",
              aggregation: "MEDIAN_FROM_4",
              submissionWeight: 80,
              rubric: starterRubric([t("setup.starterLevels.0"), t("setup.starterLevels.1"), t("setup.starterLevels.2")]),
              calibrationRequired: false,
              calibrationThreshold: null,
              allowText: true,
              allowFiles: true,
              fileTypes: ["pdf", "jpg", "png"],
              maxFiles: 3,
            }}
          />
        </ClientMessages>
      </Card>
    </>
  );
}
