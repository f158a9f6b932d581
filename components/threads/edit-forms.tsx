"use client";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { TextArea, TextInput } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { editPostAction, editThreadAction } from "@/lib/threads/actions";
import { THREAD_LIMITS } from "@/lib/threads/schemas";

/** The author's edit of their own reply. */
export function EditPostForm({ post }: { post: { id: string; body: string } }) {
  const t = useTranslations("threads");
  const { state, pending, fieldErrors, formAction, formProps } = useFormAction(editPostAction);
  return (
    <form {...formProps} action={formAction} className="space-y-2" data-testid="post-edit-form">
      <input type="hidden" name="postId" value={post.id} />
      <TextArea label={t("form.body")} name="body" required rows={5} maxLength={THREAD_LIMITS.post} defaultValue={post.body} errors={fieldErrors?.body} />
      <FormAlert state={state} success={t("form.saved")} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("form.save")}
      </Button>
    </form>
  );
}

/** The author's edit of their thread's title and opening post. */
export function EditThreadForm({ thread }: { thread: { id: string; title: string; body: string } }) {
  const t = useTranslations("threads");
  const { state, pending, fieldErrors, formAction, formProps } = useFormAction(editThreadAction);
  return (
    <form {...formProps} action={formAction} className="space-y-2" data-testid="thread-edit-form">
      <input type="hidden" name="threadId" value={thread.id} />
      <TextInput label={t("form.title")} name="title" required maxLength={THREAD_LIMITS.title} defaultValue={thread.title} errors={fieldErrors?.title} />
      <TextArea label={t("form.body")} name="body" required rows={6} maxLength={THREAD_LIMITS.body} defaultValue={thread.body} errors={fieldErrors?.body} />
      <FormAlert state={state} success={t("form.saved")} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("form.save")}
      </Button>
    </form>
  );
}
