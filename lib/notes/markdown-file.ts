import { shanghaiParts } from "@/lib/lesson/local-time";

// Notes as a Markdown file for download: YAML front matter (course, lesson, date) and the note's own Markdown.

export interface ExportableNote {
  title: string;
  body: string;
  updatedAt: Date;
  author: { name: string };
  course: { code: string; title: string };
  lesson: { title: string } | null;
}

/** A YAML double-quoted scalar: JSON's string escapes are valid YAML, so any title is safe inside front matter. */
const quoted = (value: string) => JSON.stringify(value);

const dateOf = (instant: Date) => shanghaiParts(instant).date;

const courseLabel = (course: ExportableNote["course"]) => quoted(`${course.code} ${course.title}`);

/** Values come already written as YAML (quoted strings, bare dates and numbers); undefined ones are left out. */
function frontMatter(fields: [key: string, yaml: string | undefined][]): string {
  const lines = fields.flatMap(([key, yaml]) => (yaml === undefined ? [] : [`${key}: ${yaml}`]));
  return ["---", ...lines, "---", ""].join("\n");
}

const bodyOf = (note: ExportableNote) => (note.body.trim() ? `${note.body.replace(/\s+$/, "")}\n` : "");

export function noteToMarkdown(note: ExportableNote): string {
  return [
    frontMatter([
      ["title", quoted(note.title)],
      ["course", courseLabel(note.course)],
      ["lesson", note.lesson ? quoted(note.lesson.title) : undefined],
      ["author", quoted(note.author.name)],
      ["date", dateOf(note.updatedAt)],
    ]),
    `# ${note.title}\n`,
    bodyOf(note),
  ].join("\n");
}

export function notesToMarkdown(course: ExportableNote["course"], author: string, notes: ExportableNote[], exportedAt: Date): string {
  const sections = notes.map((note) => {
    const meta = [note.lesson && `lesson: ${note.lesson.title}`, `date: ${dateOf(note.updatedAt)}`].filter(Boolean).join(" · ");
    return [`# ${note.title}\n`, `*${meta}*\n`, bodyOf(note)].join("\n");
  });
  return [
    frontMatter([
      ["course", courseLabel(course)],
      ["author", quoted(author)],
      ["date", dateOf(exportedAt)],
      ["notes", String(notes.length)],
    ]),
    sections.join("\n* * *\n\n"),
  ].join("\n");
}

const MAX_NAME = 80;

/** A file name any OS accepts: no path separators, reserved or control characters, bounded length. */
export function safeFileName(name: string, extension: string): string {
  const cleaned = [...name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, "_").replace(/\s+/g, " ").replace(/^[\s.]+|[\s.]+$/g, "")]
    .slice(0, MAX_NAME)
    .join("");
  return `${cleaned || "notes"}.${extension}`;
}

/** The plain-ASCII fallback for clients that ignore filename*. */
export function asciiFileName(name: string, extension: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|[-.]+$/g, "").slice(0, MAX_NAME);
  return `${cleaned || "notes"}.${extension}`;
}
