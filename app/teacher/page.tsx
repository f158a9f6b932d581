import { getTranslations } from "next-intl/server";
import { CourseCard } from "@/components/course/course-card";
import { TodayLessons } from "@/components/schedule/today-lessons";
import { PageHeader } from "@/components/ui/page-header";
import { requirePortal } from "@/lib/auth/session";
import { teacherCoursePath } from "@/lib/course/paths";
import { listMyCourses, listTodayLessons } from "@/lib/course/queries";

export default async function TeacherHome() {
  const actor = await requirePortal("teacher");
  const t = await getTranslations("teacher");
  const now = new Date();
  const [courses, today] = await Promise.all([listMyCourses(actor), listTodayLessons(actor, now)]);
  return (
    <>
      <PageHeader title={t("home.title")} subtitle={actor.name} />
      <TodayLessons lessons={today} now={now} lessonHref={(id) => `/teacher/lessons/${id}`} />
      {courses.length === 0 ? (
        <p className="text-sm text-slate-500">{t("home.noCourses")}</p>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {courses.map((course) => (
            <CourseCard key={course.id} course={course} href={teacherCoursePath(course.id)} />
          ))}
        </div>
      )}
    </>
  );
}
