import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NoteItem } from "@/components/notes/note-item";
import { Pager } from "@/components/threads/pager";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { requirePortal } from "@/lib/auth/session";
import { listMyNotes } from "@/lib/notes/list-my-notes";
import { noteExportUrl, studentNotesPath } from "@/lib/notes/paths";
import { NOTE_LIMITS } from "@/lib/notes/schemas";
import { loadOrNotFound } from "@/lib/threads/page-load";
import { lessonAfterPath } from "@/lib/threads/paths";

interface Props {
  searchParams: Promise<{ q?: string; courseId?: string; page?: string }>;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notes"))("title") };
}

/** The student's own notes: search (GET form, works without JavaScript), course filter, pages, export. */
export default async function StudentNotesPage({ searchParams }: Props) {
  const actor = await requirePortal("student");
  const query = await searchParams;
  const input = { q: typeof query.q === "string" ? query.q.slice(0, NOTE_LIMITS.query) : "", courseId: query.courseId || undefined, page: query.page };
  const [notes, t] = await Promise.all([loadOrNotFound(listMyNotes(actor, input)), getTranslations("notes")]);
  const hrefOf = (page: number) => `${studentNotesPath}?${new URLSearchParams({ ...(input.q && { q: input.q }), ...(input.courseId && { courseId: input.courseId }), page: String(page) })}`;
  const filtered = !!input.q || !!input.courseId;
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <form method="get" action={studentNotesPath} role="search" className="mb-4 space-y-2 rounded-xl border border-slate-200 bg-white p-3 sm:flex sm:items-end sm:gap-2 sm:space-y-0">
        <label className="block flex-1 space-y-1">
          <span className="text-sm font-medium text-slate-700">{t("list.search")}</span>
          <input type="search" name="q" defaultValue={input.q} maxLength={NOTE_LIMITS.query} className={inputClass} data-testid="notes-search" />
        </label>
        <label className="block space-y-1 sm:w-56">
          <span className="text-sm font-medium text-slate-700">{t("list.course")}</span>
          <select name="courseId" defaultValue={input.courseId ?? ""} className={inputClass} data-testid="notes-course">
            <option value="">{t("list.allCourses")}</option>
            {notes.courses.map((course) => (
              <option key={course.id} value={course.id}>
                {course.title}
              </option>
            ))}
          </select>
        </label>
        <div className="flex gap-2">
          <button type="submit" className={buttonClass("primary", "flex-1 sm:flex-none")} data-testid="notes-search-submit">
            {t("list.submit")}
          </button>
          {filtered && (
            <Link href={studentNotesPath} className={buttonClass("ghost")}>
              {t("list.clear")}
            </Link>
          )}
        </div>
      </form>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
        <span>{t("list.count", { count: notes.total })}</span>
        {input.courseId && notes.total > 0 && (
          <a href={noteExportUrl({ courseId: input.courseId })} download className={buttonClass("secondary")} data-testid="notes-export-course">
            {t("list.exportCourse")}
          </a>
        )}
      </div>
      {notes.items.length === 0 ? (
        <p className="rounded-xl bg-white p-4 text-sm text-slate-500">{filtered ? t("list.empty") : t("list.emptyAll")}</p>
      ) : (
        <div className="space-y-3">
          {notes.items.map((note) => (
            <NoteItem key={note.id} note={note} lessonHref={(lessonId) => lessonAfterPath("student", lessonId)} />
          ))}
        </div>
      )}
      <Pager
        page={notes.page}
        pageCount={notes.pageCount}
        hrefOf={hrefOf}
        labels={{ nav: t("pager.label"), prev: t("pager.prev"), next: t("pager.next"), status: t("pager.page", { page: notes.page, count: notes.pageCount }) }}
      />
    </>
  );
}
