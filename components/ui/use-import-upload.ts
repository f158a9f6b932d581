"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { ErrorCode } from "@/lib/errors";

export type ImportFailure<Details> = { code: ErrorCode; details?: Details };
type ImportAnswer<Summary, Details> = { ok: true; data: Summary } | ({ ok: false } & ImportFailure<Details>);

/**
 * Upload → preview → confirm against an import endpoint (multipart `file`, `confirm=1` to commit: readImportUpload).
 * The chosen file stays in the browser and is sent again on confirm, where the server reads and checks it once more
 * and imports it in one transaction; the preview itself is never trusted. `previewStale` tells which refusals of a
 * confirm make the preview on screen wrong, so it is taken away.
 */
export function useImportUpload<Summary, Details>({ url, maxBytes, fields = {}, previewStale }: {
  url: string;
  maxBytes: number;
  /** Extra form fields sent with the file. */
  fields?: Record<string, string>;
  previewStale: (code: ErrorCode) => boolean;
}) {
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<"preview" | "confirm" | null>(null);
  const [preview, setPreview] = useState<Summary | null>(null);
  const [result, setResult] = useState<Summary | null>(null);
  const [failure, setFailure] = useState<ImportFailure<Details> | null>(null);

  async function send(confirm: boolean): Promise<ImportAnswer<Summary, Details>> {
    if (!file) return { ok: false, code: "validation" };
    if (file.size > maxBytes) return { ok: false, code: "file.too_large" };
    const body = new FormData();
    body.set("file", file);
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    if (confirm) body.set("confirm", "1");
    try {
      const response = await fetch(url, { method: "POST", body });
      return (await response.json()) as ImportAnswer<Summary, Details>;
    } catch {
      return { ok: false, code: "common.unexpected" };
    }
  }

  function clearFile() {
    setFile(null);
    if (inputRef.current) inputRef.current.value = "";
  }

  async function run(confirm: boolean) {
    setBusy(confirm ? "confirm" : "preview");
    setFailure(null);
    if (!confirm) {
      setPreview(null);
      setResult(null);
    }
    const answer = await send(confirm);
    setBusy(null);
    if (!answer.ok) {
      setFailure(answer);
      if (confirm && previewStale(answer.code)) setPreview(null);
      return;
    }
    if (!confirm) {
      setPreview(answer.data);
      return;
    }
    setResult(answer.data);
    setPreview(null);
    clearFile();
    router.refresh();
  }

  return {
    inputRef,
    file,
    busy,
    preview,
    result,
    failure,
    /** For the file input's onChange: a new file invalidates the preview. */
    chooseFile: (next: File | null) => {
      setFile(next);
      setPreview(null);
      setFailure(null);
    },
    runPreview: () => run(false),
    runConfirm: () => run(true),
    reset: () => {
      setPreview(null);
      setFailure(null);
      clearFile();
    },
  };
}
