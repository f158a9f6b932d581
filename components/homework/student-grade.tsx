import { getTranslations } from "next-intl/server";
import { Markdown } from "@/components/markdown";
import { Card } from "@/components/ui/card";
import type { ScoredRubric } from "@/lib/rubric/rubric";

/**
 * A released grade as its student sees it: the score, the late deduction, the rubric levels given with the comment on
 * each criterion, and the feedback.
 */
export async function StudentGrade({ grade, points, rubric }: {
  grade: {
    rubricLevels: Record<string, string>;
    criterionComments: Record<string, string>;
    rawScore: number | null;
    deduction: number | null;
    score: number | null;
    feedback: string;
  };
  points: number;
  rubric: ScoredRubric | null;
}) {
  const t = await getTranslations("homework.grade");
  return (
    <Card title={t("title")}>
      <div data-testid="student-grade" className="space-y-4">
        <p className="text-center">
          <span className="text-3xl font-semibold tabular-nums" data-testid="student-score">
            {grade.score}
          </span>
          <span className="text-slate-500"> / {points}</span>
        </p>
        {!!grade.deduction && (
          <p className="text-center text-sm text-amber-800" data-testid="student-deduction">
            {t("deduction", { raw: grade.rawScore ?? 0, deduction: grade.deduction })}
          </p>
        )}
        {rubric && (
          <ul className="space-y-3">
            {rubric.map((criterion) => {
              const picked = criterion.levels.find((level) => level.id === grade.rubricLevels[criterion.id]);
              const comment = grade.criterionComments[criterion.id];
              return (
                <li key={criterion.id} className="rounded-lg border border-slate-200 p-3 text-sm">
                  <p className="flex justify-between gap-2 font-medium">
                    <span>{criterion.title}</span>
                    <span className="tabular-nums">{picked ? t("levelPoints", { points: picked.points, max: Math.max(...criterion.levels.map((level) => level.points)) }) : "—"}</span>
                  </p>
                  {picked && (
                    <p className="mt-1 text-slate-700">
                      <span className="font-medium text-brand-700">{picked.title}</span>
                      {picked.description && <span className="text-slate-600"> · {picked.description}</span>}
                    </p>
                  )}
                  {comment && (
                    <p className="mt-2 whitespace-pre-line rounded-md bg-slate-50 px-2 py-1.5 text-slate-800" data-testid="student-criterion-comment">
                      <span className="sr-only">{t("criterionComment")}: </span>
                      {comment}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {grade.feedback.trim() && (
          <div>
            <h3 className="mb-1 text-sm font-medium text-slate-700">{t("feedback")}</h3>
            <Markdown source={grade.feedback} className="text-sm" />
          </div>
        )}
      </div>
    </Card>
  );
}
