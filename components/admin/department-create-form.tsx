"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { createDepartmentAction } from "@/lib/admin/actions";
import { useFormAction } from "@/components/ui/use-form-action";

export function DepartmentCreateForm() {
  const t = useTranslations("admin.departments");
  const { state, pending, fieldErrors, formProps } = useFormAction(createDepartmentAction, { resetOnSuccess: true });
  return (
    <form {...formProps} className="grid gap-3 sm:grid-cols-[10rem_1fr_1fr_auto] sm:items-start" data-testid="dept-create-form">
      <TextInput label={t("code")} name="code" required maxLength={32} autoComplete="off" hint={t("codeHint")} errors={fieldErrors?.code} />
      <TextInput label={t("name")} name="name" required maxLength={100} errors={fieldErrors?.name} />
      <TextInput label={t("nameEn")} name="nameEn" maxLength={200} errors={fieldErrors?.nameEn} />
      <Button type="submit" disabled={pending} className="sm:mt-6">
        {t("create")}
      </Button>
      <div className="sm:col-span-4">
        <FormAlert state={state} success={t("created")} />
      </div>
    </form>
  );
}
