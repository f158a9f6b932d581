"use client";
import { useTranslations } from "next-intl";
import type { Role } from "@/generated/prisma/client";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { updateUserAction } from "@/lib/admin/actions";
import { ROLES } from "@/lib/admin/schemas";
import { useFormAction } from "@/components/ui/use-form-action";

export function UserEditForm({
  user,
  departments,
  isSelf,
}: {
  user: { id: string; role: Role; departmentId: string | null };
  departments: { id: string; name: string }[];
  isSelf: boolean;
}) {
  const t = useTranslations();
  const { state, pending, fieldErrors, formProps } = useFormAction(updateUserAction);
  return (
    <form {...formProps} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start" data-testid="user-edit-form">
      <input type="hidden" name="userId" value={user.id} />
      {/* A disabled select is not submitted: the own role goes along unchanged. */}
      {isSelf && <input type="hidden" name="role" value={user.role} />}
      <Select label={t("admin.users.role")} name="role" defaultValue={user.role} disabled={isSelf} errors={fieldErrors?.role}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`common.role.${role}`)}
          </option>
        ))}
      </Select>
      <Select
        label={t("admin.users.department")}
        name="departmentId"
        defaultValue={user.departmentId ?? ""}
        hint={t("admin.users.departmentHint")}
        errors={fieldErrors?.departmentId}
      >
        <option value="">{t("admin.users.noDepartment")}</option>
        {departments.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </Select>
      <Button type="submit" disabled={pending} className="sm:mt-6">
        {t("admin.users.save")}
      </Button>
      <div className="sm:col-span-3">
        <FormAlert state={state} success={t("admin.users.saved")} />
      </div>
    </form>
  );
}
