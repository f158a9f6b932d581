"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { fileSizeLabel } from "@/components/preclass/file-size";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/errors";
import { peerFilePath, peerSubmissionPath } from "@/lib/peer/paths";
import { PEER_FILE_TYPES, PEER_LIMITS, isPeerFileType } from "@/lib/peer/schemas";

export interface OwnFile {
  id: string;
  name: string;
  size: number;
}

/**
 * Hand in or replace the work: text and/or files in one request (POST /api/peer/<id>/submission), so a submission is
 * never half saved. Files already handed in can be kept or dropped.
 */
export function SubmitForm({ activityId, allowText, allowFiles, fileTypes, maxFiles, initialText, files, replacing }: {
  activityId: string;
  allowText: boolean;
  allowFiles: boolean;
  fileTypes: string[];
  maxFiles: number;
  initialText: string;
  files: OwnFile[];
  replacing: boolean;
}) {
  const t = useTranslations("peer.submit");
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [sending, setSending] = useState(false);
  const accept = fileTypes.filter(isPeerFileType).flatMap((type) => [`.${type}`, PEER_FILE_TYPES[type]]).join(",");

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = new FormData(event.currentTarget);
    setSending(true);
    setResult(null);
    try {
      const response = await fetch(peerSubmissionPath(activityId), { method: "POST", body });
      const json = (await response.json().catch(() => null)) as ActionResult<unknown> | null;
      setResult(json ?? { ok: false, code: "common.unexpected" });
      if (json?.ok) router.refresh();
    } catch {
      setResult({ ok: false, code: "common.unexpected" });
    } finally {
      setSending(false);
    }
  };

  return (
    <form data-testid="submit-form" onSubmit={onSubmit} noValidate className="space-y-3">
      {allowText && <TextArea label={t("text")} name="text" data-testid="submit-text" rows={8} maxLength={PEER_LIMITS.text} defaultValue={initialText} placeholder={t("textPlaceholder")} />}
      {allowFiles && (
        <div className="space-y-2">
          {files.length > 0 && (
            <ul className="space-y-1 text-sm">
              {files.map((file) => (
                <li key={file.id} className="flex items-center gap-2">
                  <input type="checkbox" name="keepFileIds" value={file.id} defaultChecked data-testid="keep-file" aria-label={t("keep", { name: file.name })} className="h-5 w-5" />
                  <a href={peerFilePath(file.id)} target="_blank" rel="noopener" className="min-w-0 flex-1 truncate text-brand-700 hover:underline">
                    {file.name}
                  </a>
                  <span className="text-xs text-slate-500">{fileSizeLabel(file.size)}</span>
                </li>
              ))}
            </ul>
          )}
          <label className="block text-sm font-medium text-slate-700">
            {t("files", { max: maxFiles, types: fileTypes.map((type) => type.toUpperCase()).join(" / ") })}
            <input type="file" name="files" multiple accept={accept} data-testid="submit-files" className="mt-1 block w-full text-sm" />
          </label>
          <p className="text-xs text-slate-500">{t("filesHint")}</p>
        </div>
      )}
      {result?.ok ? (
        <p role="status" data-testid="submit-saved" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("saved")}
        </p>
      ) : (
        <FormAlert state={result} />
      )}
      <Button type="submit" data-testid="submit-button" disabled={sending} className="min-h-12 w-full text-base">
        {sending ? t("sending") : replacing ? t("replace") : t("submit")}
      </Button>
    </form>
  );
}
