import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { attachmentPath } from "@/lib/preclass/paths";
import { fileSizeLabel } from "./file-size";

/** The package's files as large tap targets; downloads go through the authorized route. */
export async function StudentAttachments({ attachments }: { attachments: { id: string; fileName: string; size: number }[] }) {
  const t = await getTranslations("preclass.student");
  return (
    <Card title={t("attachments")}>
      <ul data-testid="student-attachments" className="space-y-2">
        {attachments.map((attachment) => (
          <li key={attachment.id}>
            <a
              href={attachmentPath(attachment.id)}
              target="_blank"
              rel="noopener"
              className="flex min-h-12 items-center gap-3 rounded-lg border border-slate-200 px-3 py-2 text-sm hover:bg-slate-50"
            >
              <span aria-hidden className="text-lg">📎</span>
              <span className="min-w-0 flex-1 truncate text-brand-700">{attachment.fileName}</span>
              <span className="shrink-0 text-xs text-slate-500">{fileSizeLabel(attachment.size)}</span>
            </a>
          </li>
        ))}
      </ul>
    </Card>
  );
}
