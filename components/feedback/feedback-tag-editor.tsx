"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { tagFeedbackAction, untagFeedbackAction } from "@/lib/feedback/actions";
import { FEEDBACK_LIMITS } from "@/lib/feedback/schemas";

/** The datalist the tag inputs suggest from (the lesson's labels so far); rendered once per page. */
export const TAG_OPTIONS_ID = "feedback-tag-options";

/** A feedback item's tags with remove buttons, and a field to add one. */
export function FeedbackTagEditor({ feedbackId, tags }: { feedbackId: string; tags: string[] }) {
  const t = useTranslations("plan.feedback");
  const [addState, addAction, adding] = useActionState(tagFeedbackAction, null);
  const [removeState, removeAction, removing] = useActionState(untagFeedbackAction, null);
  return (
    <div className="space-y-2">
      {tags.length > 0 && (
        <ul className="flex flex-wrap gap-1.5">
          {tags.map((tag) => (
            <li key={tag}>
              <form action={removeAction} className="inline-flex items-center rounded-full bg-sky-100 pl-2.5 text-xs font-medium text-sky-800">
                <input type="hidden" name="feedbackId" value={feedbackId} />
                <input type="hidden" name="label" value={tag} />
                <span data-testid="feedback-tag">{tag}</span>
                <button
                  type="submit"
                  disabled={removing}
                  aria-label={t("tagRemove", { tag })}
                  className="ml-0.5 flex h-7 w-7 items-center justify-center rounded-full hover:bg-sky-200"
                >
                  <span aria-hidden>×</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form action={addAction} className="flex items-center gap-2">
        <input type="hidden" name="feedbackId" value={feedbackId} />
        <label className="sr-only" htmlFor={`tag-${feedbackId}`}>
          {t("tagInput")}
        </label>
        <input
          id={`tag-${feedbackId}`}
          name="label"
          required
          maxLength={FEEDBACK_LIMITS.tagLabel}
          list={TAG_OPTIONS_ID}
          placeholder={t("tagPlaceholder")}
          data-testid="tag-input"
          className={`${inputClass} max-w-48 py-1.5`}
        />
        <Button type="submit" variant="secondary" disabled={adding} data-testid="tag-add" className="min-h-9 px-3 py-1">
          {t("tagAdd")}
        </Button>
      </form>
      <FormAlert state={addState?.ok === false ? addState : removeState?.ok === false ? removeState : null} />
    </div>
  );
}
