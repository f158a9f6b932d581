import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Markdown } from "@/components/markdown";
import { FormButton } from "@/components/threads/form-button";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { deleteNoteAction } from "@/lib/notes/actions";
import type { NoteListItem } from "@/lib/notes/note-select";
import { noteExportUrl } from "@/lib/notes/paths";
import { NoteForm } from "./note-form";

const VISIBILITY_TONE = { PRIVATE: "slate", GROUP: "blue", COURSE: "green" } as const;

/**
 * One note. The author may edit and delete it (`edit` gives the form what it needs); everyone who can read it may
 * export it. Needs the notes messages on the client (ClientMessages) when `edit` is set.
 */
export async function NoteItem({
  note,
  edit,
  lessonHref,
  showAuthor = false,
}: {
  note: NoteListItem;
  edit?: { myGroup: { name: string } | null };
  /** Set on lists spanning lessons: links the note's lesson. */
  lessonHref?: (lessonId: string) => string;
  showAuthor?: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations("notes"), getFormatter()]);
  return (
    <article className="rounded-xl border border-slate-200 bg-white p-4" data-testid="note-item" data-note-id={note.id}>
      <header className="mb-2 space-y-1">
        <h3 className="break-words text-base font-semibold">{note.title}</h3>
        <div className="flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
          <Badge tone={VISIBILITY_TONE[note.visibility]}>{t(`visibility.${note.visibility}`)}</Badge>
          {note.caseId && <Badge tone="amber">{t("item.case")}</Badge>}
          {showAuthor && <span className="font-medium text-slate-700">{note.author.name}</span>}
          <span>{t("item.updated", { time: format.dateTime(note.updatedAt, { year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" }) })}</span>
        </div>
        {lessonHref && note.lesson && (
          <Link href={lessonHref(note.lesson.id)} className="block text-xs text-brand-700">
            {note.course.title} · {t("item.lesson", { n: note.lesson.position + 1, title: note.lesson.title })}
          </Link>
        )}
      </header>
      {note.body.trim() && <Markdown source={note.body} className="overflow-x-auto text-sm" />}
      <footer className="mt-3 flex flex-wrap items-start gap-2">
        <a href={noteExportUrl({ noteId: note.id })} download className={buttonClass("ghost", "px-3")} data-testid="note-export">
          {t("item.export")}
        </a>
        {edit && (
          <FormButton
            action={deleteNoteAction}
            fields={{ noteId: note.id }}
            label={t("item.delete")}
            confirmLabel={t("item.confirmDelete")}
            cancelLabel={t("item.cancel")}
            variant="ghost"
            testId="note-delete"
          />
        )}
      </footer>
      {edit && (
        <details className="mt-2 border-t border-slate-100 pt-2">
          <summary className="cursor-pointer py-1 text-sm text-brand-700" data-testid="note-edit">
            {t("item.edit")}
          </summary>
          <div className="pt-2">
            <NoteForm myGroup={edit.myGroup} target={{ note: { id: note.id, title: note.title, body: note.body, visibility: note.visibility } }} />
          </div>
        </details>
      )}
    </article>
  );
}
