import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/components/course/localized";
import { LessonTime } from "@/components/schedule/lesson-time";
import { PhaseBadge } from "@/components/schedule/phase-badge";
import { ClientMessages } from "@/components/intl/client-messages";
import { PointsSwitch } from "@/components/points/points-switch";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { teacherCoursePath } from "@/lib/course/paths";
import { getCourseIntro } from "@/lib/course/queries";
import { lessonPhase } from "@/lib/lesson/phase";
import { getPointsSetting } from "@/lib/points/get-points-setting";

export default async function CourseOverviewPage({ params }: { params: Promise<{ courseId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId } = await params;
  const course = await orHttpError(getCourseIntro(actor, courseId));
  const t = await getTranslations("course.overview");
  const tc = await getTranslations("common");
  const locale = await getLocale();
  const canEdit = course.access.actions.has("course.edit");
  const points = course.access.actions.has("coursework.manage") ? await getPointsSetting(actor, course.id) : null;
  const now = new Date();
  const nextLesson = course.lessons
    .filter((lesson) => lesson.endsAt > now)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
  const facts: [string, ReactNode][] = [
    [t("code"), course.code],
    [t("term"), course.term],
    [t("department"), localized(locale, course.department.name, course.department.nameEn)],
    [t("credits"), course.credits?.toString() ?? tc("none")],
    [t("hours"), course.hours?.toString() ?? tc("none")],
    [t("students"), String(course._count.members)],
    [t("lessons"), String(course.lessons.length)],
    [
      t("teachers"),
      course.members.length ? (
        <ul className="flex flex-wrap gap-x-3 gap-y-1">
          {course.members.map((member) => (
            <li key={member.user.id} className="flex items-center gap-1">
              {member.user.name} <Badge>{tc(`courseRole.${member.role}`)}</Badge>
            </li>
          ))}
        </ul>
      ) : (
        tc("none")
      ),
    ],
  ];
  const links = [
    { href: teacherCoursePath(course.id, "intro"), label: canEdit ? t("editIntro") : t("viewIntro") },
    { href: teacherCoursePath(course.id, "lessons"), label: canEdit ? t("manageLessons") : t("viewLessons") },
    ...(course.access.actions.has("roster.view") ? [{ href: teacherCoursePath(course.id, "roster"), label: t("roster") }] : []),
  ];

  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div className="space-y-4 lg:col-span-2">
        {!canEdit && (
          <p role="note" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800">
            {t("readOnly")}
          </p>
        )}
        <Card title={t("summary")}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-slate-500">{label}</dt>
                <dd className="min-w-0 break-words">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title={t("description")}>
          <p className="whitespace-pre-line text-sm text-slate-700">{course.description || tc("none")}</p>
        </Card>
      </div>
      <div className="space-y-4">
        <Card title={t("nextLesson")}>
          {nextLesson ? (
            <div className="space-y-1 text-sm">
              <p className="flex items-center gap-2 font-medium">
                {nextLesson.title} <PhaseBadge phase={lessonPhase(nextLesson, now)} />
              </p>
              <p className="text-slate-600">
                <LessonTime startsAt={nextLesson.startsAt} endsAt={nextLesson.endsAt} />
                {nextLesson.room && ` · ${nextLesson.room}`}
              </p>
            </div>
          ) : (
            <p className="text-sm text-slate-500">{t("noUpcoming")}</p>
          )}
        </Card>
        <Card title={t("links")}>
          <ul className="space-y-1">
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="block rounded-md px-2 py-2 text-sm text-brand-700 hover:bg-brand-50">
                  {link.label} →
                </Link>
              </li>
            ))}
          </ul>
        </Card>
        {points && (
          <ClientMessages namespaces={["points"]}>
            <PointsSwitch courseId={course.id} enabled={points.enabled} />
          </ClientMessages>
        )}
      </div>
    </div>
  );
}
