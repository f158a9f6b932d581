import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Markdown } from "@/components/markdown";
import { LessonTime } from "@/components/schedule/lesson-time";
import { PhaseBadge } from "@/components/schedule/phase-badge";
import { TermLabel } from "@/components/schedule/term-label";
import { Card } from "@/components/ui/card";
import type { CourseIntro as Intro } from "@/lib/course/queries";
import { lessonPhase } from "@/lib/lesson/phase";

/** The course intro as students see it: overview, teachers, objectives, schedule, assessment scheme, syllabus. */
export async function CourseIntro({ course }: { course: Intro }) {
  const [t, tc] = await Promise.all([getTranslations("student.intro"), getTranslations("common")]);
  const totalWeight = course.assessments.reduce((sum, item) => sum + item.weight, 0);
  return (
    <div className="space-y-4" data-testid="course-intro">
      <header>
        <p className="text-xs text-slate-500">
          {course.code} · {course.department.name}
        </p>
        <h1 className="mt-1 text-xl font-semibold sm:text-2xl">{course.title}</h1>
        {course.description && <p className="mt-2 text-sm leading-relaxed text-slate-700">{course.description}</p>}
      </header>

      <Card title={t("overview")}>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
          <Fact label={t("term")} value={<TermLabel term={course.term} />} />
          <Fact label={t("department")} value={course.department.name} />
          {course.credits != null && <Fact label={t("credits")} value={course.credits} />}
          {course.hours != null && <Fact label={t("hours")} value={course.hours} />}
          <Fact label={t("students")} value={course._count.members} />
        </dl>
        <h3 className="mt-4 mb-1 text-sm font-medium text-slate-700">{t("teachers")}</h3>
        <ul className="flex flex-wrap gap-2" data-testid="course-teachers">
          {course.members.map((member) => (
            <li key={member.user.id} className="rounded-lg bg-slate-100 px-2 py-1 text-sm">
              {member.user.name} <span className="text-xs text-slate-500">{tc(`courseRole.${member.role}`)}</span>
            </li>
          ))}
        </ul>
      </Card>

      {course.objectives.length > 0 && (
        <Card title={t("objectives")}>
          <ol className="list-decimal space-y-1 pl-5 text-sm" data-testid="course-objectives">
            {course.objectives.map((objective) => (
              <li key={objective.id}>{objective.text}</li>
            ))}
          </ol>
        </Card>
      )}

      <Card title={t("schedule")}>
        {course.lessons.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noLessons")}</p>
        ) : (
          <ol className="divide-y divide-slate-100" data-testid="course-schedule">
            {course.lessons.map((lesson, index) => (
              <li key={lesson.id} className="py-2">
                <details>
                  <summary className="flex cursor-pointer list-none items-start justify-between gap-2">
                    <span className="min-w-0">
                      <span className="text-xs text-slate-500">{t("lessonNo", { n: index + 1 })}</span>
                      <span className="block font-medium">{lesson.title}</span>
                      <span className="block text-xs text-slate-500">
                        <LessonTime startsAt={lesson.startsAt} endsAt={lesson.endsAt} />
                        {lesson.room && ` · ${lesson.room}`}
                      </span>
                    </span>
                    <PhaseBadge phase={lessonPhase(lesson)} />
                  </summary>
                  <Link href={`/student/lessons/${lesson.id}`} className="mt-2 inline-block text-sm font-medium text-brand-700" data-testid="lesson-open">
                    {t("openLesson")} →
                  </Link>
                  {lesson.objectives.length > 0 && (
                    <div className="mt-2 rounded-lg bg-slate-50 p-2 text-sm">
                      <p className="mb-1 text-xs font-medium text-slate-600">{t("lessonObjectives")}</p>
                      <ul className="list-disc space-y-0.5 pl-5">
                        {lesson.objectives.map((objective) => (
                          <li key={objective.id}>{objective.text}</li>
                        ))}
                      </ul>
                    </div>
                  )}
                </details>
              </li>
            ))}
          </ol>
        )}
      </Card>

      {course.assessments.length > 0 && (
        <Card title={t("assessment")}>
          <ul className="space-y-2" data-testid="course-assessment">
            {course.assessments.map((item) => (
              <li key={item.id}>
                <div className="flex justify-between text-sm">
                  <span>{item.name}</span>
                  <span className="font-medium">{item.weight}%</span>
                </div>
                <div className="mt-1 h-2 rounded-full bg-slate-100">
                  <div className="h-2 rounded-full bg-brand-500" style={{ width: `${item.weight}%` }} />
                </div>
                {item.description && <p className="mt-0.5 text-xs text-slate-500">{item.description}</p>}
              </li>
            ))}
            <li className="flex justify-between border-t border-slate-100 pt-2 text-sm font-medium">
              <span>{t("total")}</span>
              <span>{totalWeight}%</span>
            </li>
          </ul>
        </Card>
      )}

      <Card title={t("syllabus")}>
        {course.syllabus.trim() ? <Markdown source={course.syllabus} /> : <p className="text-sm text-slate-500">{t("noSyllabus")}</p>}
      </Card>
    </div>
  );
}

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
}
