"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/errors";
import { archiveQuestionAction } from "@/lib/qbank/actions";

/** Archives a question, or restores an archived one. */
export function ArchiveButton({ courseId, questionId, archived }: { courseId: string; questionId: string; archived: boolean }) {
  const t = useTranslations("qbank.editor");
  const router = useRouter();
  const [state, setState] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-2">
      <Button
        variant={archived ? "secondary" : "danger"}
        disabled={pending}
        title={archived ? undefined : t("archiveHint")}
        onClick={() =>
          startTransition(async () => {
            const result = await archiveQuestionAction({ courseId, questionId, archived: !archived });
            setState(result.ok ? null : result);
            if (result.ok) router.refresh();
          })
        }
        data-testid={archived ? "qe-restore" : "qe-archive"}
      >
        {archived ? t("restore") : t("archive")}
      </Button>
      <FormAlert state={state} />
    </div>
  );
}
