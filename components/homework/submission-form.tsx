"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type ChangeEvent, type FormEvent, useRef, useState } from "react";
import { MarkdownEditor } from "@/components/markdown-editor";
import { fileSizeLabel } from "@/components/preclass/file-size";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/errors";
import { submissionFilePath, submissionUploadPath } from "@/lib/homework/paths";
import { HOMEWORK_LIMITS, type HomeworkFileType } from "@/lib/homework/schemas";
import { extensionOf } from "@/lib/uploads/file-types";

const EXTENSIONS: Record<HomeworkFileType, string[]> = {
  pdf: ["pdf"],
  jpg: ["jpg", "jpeg"],
  png: ["png"],
  docx: ["docx"],
  xlsx: ["xlsx"],
  pptx: ["pptx"],
};

interface ExistingFile {
  id: string;
  fileName: string;
  size: number;
}

/**
 * The student's hand-in on a phone: Markdown text and files, sent together in one request so a submission is never
 * half saved. Handing in again replaces the last version; files already in are kept unless removed here.
 */
export function SubmissionForm({ homeworkId, allowText, allowFiles, fileTypes, maxFiles, maxBytes, existing, overdue }: {
  homeworkId: string;
  allowText: boolean;
  allowFiles: boolean;
  fileTypes: HomeworkFileType[];
  maxFiles: number;
  maxBytes: number;
  existing: { version: number; text: string; files: ExistingFile[] } | null;
  /** Past the student's due time: the hand-in is accepted but marked late. */
  overdue: boolean;
}) {
  const t = useTranslations("homework.submit");
  const tt = useTranslations("homework.fileTypes");
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(existing?.text ?? "");
  const [kept, setKept] = useState<ExistingFile[]>(existing?.files ?? []);
  // A new version from the server (after handing in) brings its file list; what was kept here is stale then.
  const [version, setVersion] = useState(existing?.version ?? 0);
  if ((existing?.version ?? 0) !== version) {
    setVersion(existing?.version ?? 0);
    setKept(existing?.files ?? []);
  }
  const [added, setAdded] = useState<File[]>([]);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [sending, setSending] = useState(false);
  const extensions = fileTypes.flatMap((type) => EXTENSIONS[type]);
  const count = kept.length + added.length;

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = "";
    // Saves sending what the server would refuse anyway; the server checks again (and by content, not name).
    if (files.some((file) => !extensions.includes(extensionOf(file.name)))) return setResult({ ok: false, code: "homework.wrong_type" });
    if (files.some((file) => file.size > maxBytes)) return setResult({ ok: false, code: "homework.file_too_large" });
    if (count + files.length > maxFiles) return setResult({ ok: false, code: "homework.too_many_files" });
    setResult(null);
    setAdded([...added, ...files]);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!text.trim() && count === 0) return setResult({ ok: false, code: "homework.empty" });
    setSending(true);
    setResult(null);
    try {
      const body = new FormData();
      body.set("text", allowText ? text : "");
      kept.forEach((file) => body.append("keepFileIds", file.id));
      added.forEach((file) => body.append("files", file));
      const response = await fetch(submissionUploadPath(homeworkId), { method: "POST", body });
      const answer = (await response.json().catch(() => null)) as ActionResult<unknown> | null;
      setResult(answer ?? { ok: false, code: "common.unexpected" });
      if (answer?.ok) {
        setAdded([]);
        router.refresh();
      }
    } catch {
      setResult({ ok: false, code: "common.unexpected" });
    } finally {
      setSending(false);
    }
  };

  return (
    <form data-testid="submission-form" onSubmit={submit} noValidate className="space-y-4">
      {allowText && (
        <Field label={t("text")}>
          {(a11y) => <MarkdownEditor a11y={a11y} testId="submission-text" value={text} onChange={setText} maxLength={HOMEWORK_LIMITS.text} rows={8} />}
        </Field>
      )}
      {allowFiles && (
        <div className="space-y-2">
          <p className="text-sm font-medium text-slate-700">{t("files")}</p>
          <p className="text-xs text-slate-500">
            {t("filesHint", { types: fileTypes.map((type) => tt(type)).join(t("listSeparator")), max: maxFiles, size: fileSizeLabel(maxBytes) })}
          </p>
          {count > 0 && (
            <ul data-testid="submission-files" className="divide-y divide-slate-100 rounded-lg border border-slate-200">
              {kept.map((file) => (
                <li key={file.id} className="flex items-center gap-2 px-3 py-2 text-sm" data-testid="submission-file">
                  <a href={submissionFilePath(file.id)} target="_blank" rel="noopener" className="min-w-0 flex-1 truncate text-brand-700">
                    {file.fileName}
                  </a>
                  <span className="shrink-0 text-xs text-slate-500">{fileSizeLabel(file.size)}</span>
                  <button
                    type="button"
                    className="min-h-10 shrink-0 rounded-lg px-3 text-red-600"
                    aria-label={t("removeNamed", { name: file.fileName })}
                    onClick={() => setKept(kept.filter((candidate) => candidate.id !== file.id))}
                  >
                    {t("remove")}
                  </button>
                </li>
              ))}
              {added.map((file, i) => (
                <li key={`${file.name}-${i}`} className="flex items-center gap-2 px-3 py-2 text-sm" data-testid="submission-file-new">
                  <span className="min-w-0 flex-1 truncate">{file.name}</span>
                  <span className="shrink-0 text-xs text-emerald-700">{t("new")}</span>
                  <button
                    type="button"
                    className="min-h-10 shrink-0 rounded-lg px-3 text-red-600"
                    aria-label={t("removeNamed", { name: file.name })}
                    onClick={() => setAdded(added.filter((_, j) => j !== i))}
                  >
                    {t("remove")}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <input
            ref={input}
            type="file"
            multiple
            accept={extensions.map((ext) => `.${ext}`).join(",")}
            className="sr-only"
            data-testid="submission-file-input"
            tabIndex={-1}
            aria-hidden
            onChange={choose}
          />
          <Button variant="secondary" className="w-full sm:w-auto" onClick={() => input.current?.click()} disabled={count >= maxFiles || sending} data-testid="submission-choose">
            + {t("choose")}
          </Button>
        </div>
      )}
      {overdue && (
        <p role="note" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="submission-overdue">
          {t("overdue")}
        </p>
      )}
      <FormAlert state={result} success={t("saved")} />
      <Button type="submit" className="w-full" disabled={sending} data-testid="submission-submit">
        {sending ? t("sending") : existing ? t("resubmit") : t("submit")}
      </Button>
    </form>
  );
}
