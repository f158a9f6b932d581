import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { type LessonPhase, lessonPhase } from "@/lib/lesson/phase";

const TONE: Record<LessonPhase, "amber" | "green" | "slate"> = { PRE: "amber", IN: "green", POST: "slate" };

/** 课前 / 课中 / 课后 for a lesson, from its times. */
export async function PhaseBadge({ lesson, now }: { lesson: { startsAt: Date; endsAt: Date }; now?: Date }) {
  const t = await getTranslations("common.phase");
  const phase = lessonPhase(lesson, now);
  return (
    <span data-testid="phase-badge" data-phase={phase}>
      <Badge tone={TONE[phase]}>{t(phase)}</Badge>
    </span>
  );
}
