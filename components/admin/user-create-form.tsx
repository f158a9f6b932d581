"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Select, TextInput } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { createUserAction } from "@/lib/admin/actions";
import { ROLES } from "@/lib/admin/schemas";
import { TempPassword } from "./temp-password";
import { useFormAction } from "@/components/ui/use-form-action";

export function UserCreateForm({ departments }: { departments: { id: string; name: string }[] }) {
  const t = useTranslations();
  const { state, pending, fieldErrors, formProps } = useFormAction(createUserAction, { resetOnSuccess: true });
  return (
    <div className="space-y-4">
      {state?.ok && (
        <div className="space-y-2">
          <TempPassword no={state.data.no} name={state.data.name} password={state.data.temporaryPassword} />
          <Link href={`/admin/users/${state.data.id}`} className="text-sm text-brand-700 underline">
            {t("admin.users.viewUser")}
          </Link>
        </div>
      )}
      <form {...formProps} className="grid gap-3 sm:grid-cols-2" data-testid="user-create-form">
        <TextInput label={t("admin.users.no")} name="no" required minLength={4} maxLength={32} autoComplete="off" hint={t("admin.users.noHint")} errors={fieldErrors?.no} />
        <TextInput label={t("admin.users.name")} name="name" required maxLength={64} autoComplete="off" errors={fieldErrors?.name} />
        <Select label={t("admin.users.role")} name="role" defaultValue="STUDENT" errors={fieldErrors?.role}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`common.role.${role}`)}
            </option>
          ))}
        </Select>
        <Select label={t("admin.users.department")} name="departmentId" defaultValue="" hint={t("admin.users.departmentHint")} errors={fieldErrors?.departmentId}>
          <option value="">{t("admin.users.noDepartment")}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </Select>
        <TextInput label={t("admin.users.email")} name="email" type="email" maxLength={254} autoComplete="off" errors={fieldErrors?.email} />
        <div className="space-y-2 sm:col-span-2">
          {state && !state.ok && <FormAlert state={state} />}
          <Button type="submit" disabled={pending}>
            {state?.ok ? t("admin.users.createAnother") : t("admin.users.create")}
          </Button>
        </div>
      </form>
    </div>
  );
}
