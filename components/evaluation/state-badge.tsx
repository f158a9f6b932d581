import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { EvaluationState } from "@/lib/evaluation/window";

const TONE = { not_open: "slate", open: "green", closed: "blue" } as const;

export function EvaluationStateBadge({ state }: { state: EvaluationState }) {
  const t = useTranslations("evaluation.state");
  return (
    <span data-testid="evaluation-state" data-state={state}>
      <Badge tone={TONE[state]}>{t(state)}</Badge>
    </span>
  );
}
