import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { NoteListItem } from "@/lib/notes/note-select";
import { studentNotesPath } from "@/lib/notes/paths";
import { NoteForm } from "./note-form";
import { NoteItem } from "./note-item";

/** A lesson's after-class notes: a new-note form, the actor's own notes, and those shared with them. */
export async function LessonNotes({
  lessonId,
  caseId,
  myGroup,
  isStaff,
  notes,
}: {
  lessonId: string;
  caseId: string | null;
  myGroup: { name: string } | null;
  isStaff: boolean;
  notes: { mine: NoteListItem[]; shared: NoteListItem[]; sharedTotal: number };
}) {
  const t = await getTranslations("notes");
  const more = notes.sharedTotal - notes.shared.length;
  return (
    <div className="space-y-4">
      <Card
        title={t("lesson.mine")}
        actions={
          !isStaff && (
            <Link href={studentNotesPath} className="text-sm text-brand-700">
              {t("lesson.allMyNotes")}
            </Link>
          )
        }
      >
        <div className="space-y-3">
          {notes.mine.length === 0 ? (
            <p className="text-sm text-slate-500">{t("lesson.emptyMine")}</p>
          ) : (
            notes.mine.map((note) => <NoteItem key={note.id} note={note} edit={{ myGroup }} />)
          )}
          <section className="rounded-xl bg-slate-50 p-3" aria-labelledby="new-note-heading">
            <h3 id="new-note-heading" className="mb-2 text-sm font-semibold text-slate-700">
              {t("lesson.new")}
            </h3>
            <NoteForm myGroup={myGroup} target={{ lessonId, caseId }} />
          </section>
        </div>
      </Card>
      <Card title={isStaff ? t("lesson.sharedForStaff") : t("lesson.shared")}>
        {notes.shared.length === 0 ? (
          <p className="text-sm text-slate-500">{t("lesson.emptyShared")}</p>
        ) : (
          <div className="space-y-3">
            {notes.shared.map((note) => (
              <NoteItem key={note.id} note={note} showAuthor />
            ))}
            {more > 0 && <p className="text-xs text-slate-500">{t("lesson.sharedMore", { count: more })}</p>}
          </div>
        )}
      </Card>
    </div>
  );
}
