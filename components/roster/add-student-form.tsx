"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Select, TextInput } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/errors";
import { addStudentAction } from "@/lib/roster/actions";
import type { RosterGroupOption } from "./types";

export function AddStudentForm({ courseId, groups }: { courseId: string; groups: RosterGroupOption[] }) {
  const t = useTranslations("roster");
  // Controlled, so that a refused 学号 stays in the field to be corrected; cleared once added.
  const [no, setNo] = useState("");
  const [state, action, pending] = useActionState(async (prev: ActionResult | null, form: FormData) => {
    const result = await addStudentAction(prev, form);
    if (result.ok) setNo("");
    return result;
  }, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="courseId" value={courseId} />
      <TextInput
        label={t("add.no")}
        name="no"
        value={no}
        onChange={(event) => setNo(event.target.value)}
        required
        maxLength={20}
        autoComplete="off"
        hint={t("add.noHint")}
        errors={fieldErrors?.no}
        data-testid="roster-add-no"
      />
      {groups.length > 0 && (
        <Select label={t("add.group")} name="groupId" defaultValue="" errors={fieldErrors?.groupId}>
          <option value="">{t("table.noGroup")}</option>
          {groups.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </Select>
      )}
      <FormAlert state={state} success={t("add.done")} />
      <Button type="submit" disabled={pending} data-testid="roster-add-submit">
        {t("add.submit")}
      </Button>
    </form>
  );
}
