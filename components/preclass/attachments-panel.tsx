"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type ChangeEvent, startTransition, useActionState, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/errors";
import { deleteAttachmentAction } from "@/lib/preclass/actions";
import { attachmentPath } from "@/lib/preclass/paths";
import { PRECLASS_LIMITS } from "@/lib/preclass/schemas";
import { fileSizeLabel } from "./file-size";

export interface AttachmentItem {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
}

const ACCEPT = ".pdf,.png,.jpg,.jpeg,.webp,application/pdf,image/png,image/jpeg,image/webp";

/**
 * The package's files: uploaded one at a time as soon as one is chosen (POST /api/attachments), deleted with a
 * server action. Lives inside the prep form but never submits it.
 */
export function AttachmentsPanel({ packageId, attachments, maxBytes }: { packageId: string; attachments: AttachmentItem[]; maxBytes: number }) {
  const t = useTranslations("preclass.attachments");
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<ActionResult<unknown> | null>(null);
  const [uploading, setUploading] = useState(false);
  const [deleted, deleteAction, deleting] = useActionState(deleteAttachmentAction, null);
  const full = attachments.length >= PRECLASS_LIMITS.attachments;

  const send = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    // Saves sending a file the server would refuse anyway; the server checks again.
    if (file.size > maxBytes) return setUpload({ ok: false, code: "upload.too_large" });
    setUploading(true);
    setUpload(null);
    try {
      const body = new FormData();
      body.set("packageId", packageId);
      body.set("file", file);
      const response = await fetch("/api/attachments", { method: "POST", body });
      const result = (await response.json().catch(() => null)) as ActionResult<unknown> | null;
      setUpload(result ?? { ok: false, code: "common.unexpected" });
      if (result?.ok) router.refresh();
    } catch {
      setUpload({ ok: false, code: "common.unexpected" });
    } finally {
      setUploading(false);
    }
  };

  const remove = (attachment: AttachmentItem) => {
    if (!window.confirm(t("confirmDelete", { name: attachment.fileName }))) return;
    const form = new FormData();
    form.set("attachmentId", attachment.id);
    startTransition(() => deleteAction(form));
  };

  return (
    <Card title={t("title")}>
      <p className="mb-3 text-xs text-slate-500">{t("hint", { size: fileSizeLabel(maxBytes), max: PRECLASS_LIMITS.attachments })}</p>
      {attachments.length === 0 ? (
        <p className="mb-3 text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <ul data-testid="attachment-list" className="mb-3 divide-y divide-slate-100 rounded-lg border border-slate-200">
          {attachments.map((attachment) => (
            <li key={attachment.id} data-testid="attachment-item" className="flex items-center gap-2 px-3 py-2 text-sm">
              <a href={attachmentPath(attachment.id)} target="_blank" rel="noopener" className="min-w-0 flex-1 truncate text-brand-700 hover:underline">
                {attachment.fileName}
              </a>
              <span className="shrink-0 text-xs text-slate-500">{fileSizeLabel(attachment.size)}</span>
              <button
                type="button"
                onClick={() => remove(attachment)}
                disabled={deleting}
                aria-label={t("deleteNamed", { name: attachment.fileName })}
                className="min-h-9 shrink-0 rounded-lg px-2 text-red-600 hover:bg-red-50 disabled:text-slate-300"
              >
                {t("delete")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="space-y-2">
        <input ref={input} type="file" accept={ACCEPT} className="sr-only" data-testid="attachment-input" tabIndex={-1} onChange={send} aria-hidden />
        <Button variant="secondary" data-testid="attachment-upload" onClick={() => input.current?.click()} disabled={uploading || full}>
          {uploading ? t("uploading") : `+ ${t("choose")}`}
        </Button>
        <FormAlert state={upload} success={t("uploaded")} />
        {deleted && !deleted.ok && <FormAlert state={deleted} />}
      </div>
    </Card>
  );
}
