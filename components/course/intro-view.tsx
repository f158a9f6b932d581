import { getTranslations } from "next-intl/server";
import { Markdown } from "@/components/markdown";
import { Card } from "@/components/ui/card";
import type { CourseIntro } from "@/lib/course/queries";

/** The course intro as those who may not edit it see it in the teacher portal. */
export async function IntroView({ course }: { course: CourseIntro }) {
  const t = await getTranslations("course.intro");
  const tc = await getTranslations("common");
  return (
    <div className="space-y-4">
      <Card title={t("basics")}>
        <p className="whitespace-pre-line text-sm text-slate-700">{course.description || tc("none")}</p>
        <dl className="mt-3 grid grid-cols-2 gap-2 text-sm sm:max-w-sm">
          <dt className="text-slate-500">{t("credits")}</dt>
          <dd>{course.credits ?? t("notSet")}</dd>
          <dt className="text-slate-500">{t("hours")}</dt>
          <dd>{course.hours ?? t("notSet")}</dd>
        </dl>
      </Card>
      <Card title={t("syllabus")}>
        {course.syllabus.trim() ? <Markdown source={course.syllabus} /> : <p className="text-sm text-slate-500">{t("noSyllabus")}</p>}
      </Card>
      <Card title={t("objectives")}>
        {course.objectives.length ? (
          <ol className="list-decimal space-y-1 pl-6 text-sm">
            {course.objectives.map((objective) => (
              <li key={objective.id}>{objective.text}</li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-slate-500">{t("noObjectives")}</p>
        )}
      </Card>
      <Card title={t("scheme")}>
        {course.assessments.length ? (
          <table className="w-full text-sm">
            <thead className="text-left text-slate-500">
              <tr>
                <th className="py-1 font-normal">{t("itemName")}</th>
                <th className="py-1 text-right font-normal">{t("itemWeight")}</th>
              </tr>
            </thead>
            <tbody>
              {course.assessments.map((item) => (
                <tr key={item.id} className="border-t border-slate-100 align-top">
                  <td className="py-2">
                    <div>{item.name}</div>
                    {item.description && <div className="text-xs text-slate-500">{item.description}</div>}
                  </td>
                  <td className="py-2 text-right tabular-nums">{item.weight}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-slate-500">{t("noItems")}</p>
        )}
      </Card>
    </div>
  );
}
