import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { MyFeedback } from "@/lib/preclass/get-my-feedback";
import { FeedbackStatus } from "./feedback-status";

/** After the window has closed: the student's feedback read-only, or that none was given. */
export async function FeedbackView({ objectives, feedback }: { objectives: { id: string; text: string }[]; feedback: MyFeedback | null }) {
  const t = await getTranslations("preclass.feedback");
  const confidenceOf = new Map(feedback?.ratings.map((rating) => [rating.objectiveId, rating.confidence]));
  return (
    <Card
      title={t("title")}
      actions={<FeedbackStatus updatedAt={feedback?.updatedAt ?? null} />}
    >
      {feedback && (
        <dl className="space-y-3 text-sm">
          {objectives.map((objective, index) => {
            const level = confidenceOf.get(objective.id);
            return (
              <div key={objective.id}>
                <dt className="text-slate-700">
                  {index + 1}. {objective.text}
                </dt>
                <dd className="mt-0.5 font-medium">{level ? `${level} · ${t(`scale.${level}`)}` : t("empty")}</dd>
              </div>
            );
          })}
          <div>
            <dt className="text-slate-700">{t("unclear")}</dt>
            <dd className="mt-0.5 whitespace-pre-wrap">{feedback.unclear || t("empty")}</dd>
          </div>
          <div>
            <dt className="text-slate-700">{t("questions")}</dt>
            <dd className="mt-0.5 whitespace-pre-wrap">{feedback.questions || t("empty")}</dd>
          </div>
        </dl>
      )}
    </Card>
  );
}
