"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/errors";
import { createGroupAction, deleteGroupAction, renameGroupAction } from "@/lib/roster/actions";
import { ROSTER_LIMITS } from "@/lib/roster/schemas";

interface GroupRow {
  id: string;
  name: string;
  memberCount: number;
}

/** The course's 小组: create, rename, delete. */
export function GroupPanel({ courseId, groups }: { courseId: string; groups: GroupRow[] }) {
  const t = useTranslations("roster");
  return (
    <div className="space-y-4">
      {groups.length === 0 ? (
        <p className="text-sm text-slate-500">{t("groups.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="roster-groups">
          {groups.map((group) => (
            <li key={group.id} className="py-2">
              <GroupItem courseId={courseId} group={group} />
            </li>
          ))}
        </ul>
      )}
      <CreateGroupForm courseId={courseId} />
    </div>
  );
}

function GroupItem({ courseId, group }: { courseId: string; group: GroupRow }) {
  const t = useTranslations("roster");
  const [renameState, renameAction, renaming] = useActionState(renameGroupAction, null);
  const [deleteState, deleteAction, deleting] = useActionState(deleteGroupAction, null);
  return (
    <details>
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 text-sm">
        <span className="font-medium">{group.name}</span>
        <Badge>{t("groups.members", { count: group.memberCount })}</Badge>
      </summary>
      <div className="mt-2 space-y-3 rounded-lg bg-slate-50 p-3">
        <form action={renameAction} className="space-y-2" noValidate>
          <input type="hidden" name="courseId" value={courseId} />
          <input type="hidden" name="groupId" value={group.id} />
          <TextInput
            label={t("groups.newName")}
            name="name"
            defaultValue={group.name}
            required
            maxLength={ROSTER_LIMITS.groupMax}
            errors={renameState && !renameState.ok ? renameState.fieldErrors?.name : undefined}
          />
          <FormAlert state={renameState} success={t("groups.renamed")} />
          <Button type="submit" variant="secondary" disabled={renaming}>
            {t("groups.rename")}
          </Button>
        </form>
        <form action={deleteAction} className="space-y-2 border-t border-slate-200 pt-3">
          <input type="hidden" name="courseId" value={courseId} />
          <input type="hidden" name="groupId" value={group.id} />
          <p className="text-xs text-slate-600">{t("groups.deleteHint")}</p>
          <FormAlert state={deleteState} />
          <Button type="submit" variant="danger" disabled={deleting}>
            {t("groups.delete")}
          </Button>
        </form>
      </div>
    </details>
  );
}

function CreateGroupForm({ courseId }: { courseId: string }) {
  const t = useTranslations("roster");
  const [name, setName] = useState("");
  const [state, action, pending] = useActionState(async (prev: ActionResult | null, form: FormData) => {
    const result = await createGroupAction(prev, form);
    if (result.ok) setName("");
    return result;
  }, null);
  return (
    <form action={action} className="space-y-2" noValidate>
      <input type="hidden" name="courseId" value={courseId} />
      <TextInput
        label={t("groups.name")}
        name="name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        required
        maxLength={ROSTER_LIMITS.groupMax}
        errors={state && !state.ok ? state.fieldErrors?.name : undefined}
        data-testid="roster-group-name"
      />
      <FormAlert state={state} success={t("groups.created")} />
      <Button type="submit" disabled={pending} data-testid="roster-group-create">
        {t("groups.create")}
      </Button>
    </form>
  );
}
