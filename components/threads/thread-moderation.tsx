import { getTranslations } from "next-intl/server";
import { setHiddenAction, setThreadPinnedAction } from "@/lib/threads/actions";
import { FormButton } from "./form-button";

/** Pin / unpin and hide / show of a thread, as the list and the thread page both offer them to moderators. */
export async function ThreadModeration({ thread }: { thread: { id: string; pinned: boolean; hidden: boolean } }) {
  const t = await getTranslations("threads");
  return (
    <>
      <FormButton
        action={setThreadPinnedAction}
        fields={{ threadId: thread.id, pinned: String(!thread.pinned) }}
        label={thread.pinned ? t("moderation.unpin") : t("moderation.pin")}
        variant="ghost"
        testId="pin-button"
      />
      <FormButton
        action={setHiddenAction}
        fields={{ kind: "thread", id: thread.id, hidden: String(!thread.hidden) }}
        label={thread.hidden ? t("moderation.unhide") : t("moderation.hide")}
        variant="ghost"
        testId="hide-button"
      />
    </>
  );
}
