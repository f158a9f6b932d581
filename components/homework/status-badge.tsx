import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { HomeworkStatusKey } from "@/lib/homework/status";

const TONES = { not_submitted: "slate", submitted: "blue", late: "amber", graded: "green" } as const;

export function HomeworkStatusBadge({ status }: { status: HomeworkStatusKey }) {
  const t = useTranslations("homework.status");
  return (
    <span data-testid="homework-status" data-status={status}>
      <Badge tone={TONES[status]}>{t(status)}</Badge>
    </span>
  );
}
