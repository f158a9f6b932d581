"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A freshly issued temporary password. It exists only in this response: the database keeps the hash. */
export function TempPassword({ no, name, password }: { no: string; name: string; password: string }) {
  const t = useTranslations("admin.tempPassword");
  const [copied, setCopied] = useState(false);

  function copy() {
    // The clipboard API needs a secure context; on plain HTTP the admin selects the text (select-all) instead.
    navigator.clipboard?.writeText(password).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }

  return (
    <div role="status" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-medium">{t("title", { name, no })}</p>
      <p className="flex flex-wrap items-center gap-2">
        <code data-testid="temp-password" className="select-all rounded border border-amber-200 bg-white px-3 py-1 font-mono text-lg tracking-wider">
          {password}
        </code>
        <Button variant="secondary" onClick={copy}>
          {copied ? t("copied") : t("copy")}
        </Button>
      </p>
      <p>{t("hint")}</p>
    </div>
  );
}
