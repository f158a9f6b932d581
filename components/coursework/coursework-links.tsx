import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { studentCoursePath } from "@/lib/course/paths";

/** The course's after-class places a student goes to: the task list, practice, grades, points, the mistake book. */
export async function CourseworkLinks({ courseId, withTasks = false }: { courseId: string; withTasks?: boolean }) {
  const t = await getTranslations("coursework.links");
  const links = [
    ...(withTasks ? [{ href: studentCoursePath(courseId, "coursework"), label: t("coursework"), testId: "course-coursework-link" }] : []),
    { href: studentCoursePath(courseId, "practice"), label: t("practice"), testId: "course-practice-link" },
    { href: "/student/mistakes", label: t("mistakes"), testId: "course-mistakes-link" },
    { href: studentCoursePath(courseId, "grades"), label: t("grades"), testId: "course-grades-link" },
    { href: studentCoursePath(courseId, "points"), label: t("points"), testId: "course-points-link" },
  ];
  return (
    <nav className="mb-4 grid grid-cols-2 gap-2 sm:grid-cols-5">
      {links.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          data-testid={link.testId}
          className="rounded-xl border border-slate-200 bg-white p-3 text-center text-sm font-medium text-brand-700 shadow-sm"
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
