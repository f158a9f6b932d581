"use client";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { replyToThreadAction } from "@/lib/threads/actions";
import { THREAD_LIMITS } from "@/lib/threads/schemas";

export function ReplyForm({ threadId }: { threadId: string }) {
  const t = useTranslations("threads");
  const { state, pending, fieldErrors, formAction, formProps } = useFormAction(replyToThreadAction, { resetOnSuccess: true });
  return (
    <form {...formProps} action={formAction} className="space-y-3" data-testid="reply-form">
      <input type="hidden" name="threadId" value={threadId} />
      <TextArea
        label={t("detail.replyBody")}
        name="body"
        required
        rows={4}
        maxLength={THREAD_LIMITS.post}
        hint={t("detail.replyHint")}
        errors={fieldErrors?.body}
        data-testid="reply-body"
      />
      <FormAlert state={state} success={t("detail.replied")} />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto" data-testid="reply-submit">
        {t("detail.submit")}
      </Button>
    </form>
  );
}
