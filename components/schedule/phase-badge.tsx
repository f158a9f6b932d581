import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { LessonPhase } from "@/lib/lesson/phase";

const TONE: Record<LessonPhase, "amber" | "green" | "slate"> = { PRE: "amber", IN: "green", POST: "slate" };

/** 课前 / 课中 / 课后 */
export async function PhaseBadge({ phase }: { phase: LessonPhase }) {
  const t = await getTranslations("common.phase");
  return (
    <span data-testid="phase-badge" data-phase={phase}>
      <Badge tone={TONE[phase]}>{t(phase)}</Badge>
    </span>
  );
}
