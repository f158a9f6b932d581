import { useTranslations } from "next-intl";
import type { Rubric } from "@/lib/rubric/rubric";

/** A submitted assessment, read-only: the chosen level (with points) and the comment of each criterion. */
export function RubricView({ rubric, levels, comments, testId }: {
  rubric: Rubric;
  levels: Record<string, string>;
  comments: Record<string, string>;
  testId?: string;
}) {
  const t = useTranslations("peer.assess");
  return (
    <dl data-testid={testId} className="space-y-2 text-sm">
      {rubric.map((criterion) => {
        const level = criterion.kind === "levels" ? criterion.levels.find((l) => l.id === levels[criterion.id]) : undefined;
        const comment = comments[criterion.id];
        if (criterion.kind === "comment" && !comment) return null;
        return (
          <div key={criterion.id} className="rounded-lg bg-slate-50 px-3 py-2">
            <dt className="font-medium text-slate-800">{criterion.title}</dt>
            {criterion.kind === "levels" && (
              <dd className="text-slate-700">
                {level ? `${level.title} · ${t("points", { points: level.points })}` : t("noLevel")}
              </dd>
            )}
            {comment && <dd className="mt-1 whitespace-pre-wrap text-slate-600">{comment}</dd>}
          </div>
        );
      })}
    </dl>
  );
}
