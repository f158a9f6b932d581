"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { flagReviewAction } from "@/lib/peer/actions";
import { PEER_LIMITS } from "@/lib/peer/schemas";

/** "This review is unfair": a reason for the teacher, once per review. */
export function FlagForm({ assessmentId, alias }: { assessmentId: string; alias: string }) {
  const t = useTranslations("peer.results");
  const [open, setOpen] = useState(false);
  const { state, formAction, pending, onSubmit, fieldErrors } = useFormAction(flagReviewAction);
  if (state?.ok) {
    return (
      <p role="status" data-testid="flag-sent" className="text-sm text-emerald-700">
        {t("flagSent")}
      </p>
    );
  }
  if (!open) {
    return (
      <Button variant="ghost" data-testid="flag-open" onClick={() => setOpen(true)} className="px-2">
        {t("flag")}
      </Button>
    );
  }
  return (
    <form data-testid="flag-form" action={formAction} onSubmit={onSubmit} noValidate className="space-y-2">
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <TextArea label={t("flagReason", { alias })} name="reason" data-testid="flag-reason" rows={3} maxLength={PEER_LIMITS.flagReason} errors={fieldErrors?.reason} />
      <FormAlert state={state} />
      <div className="flex gap-2">
        <Button type="submit" data-testid="flag-submit" disabled={pending} className="flex-1">
          {t("flagSubmit")}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)} className="flex-1">
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
