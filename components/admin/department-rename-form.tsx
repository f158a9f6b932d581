"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { renameDepartmentAction } from "@/lib/admin/actions";
import { useFormAction } from "@/components/ui/use-form-action";

export function DepartmentRenameForm({ department }: { department: { id: string; name: string; nameEn: string | null } }) {
  const t = useTranslations("admin.departments");
  const { state, pending, fieldErrors, formProps } = useFormAction(renameDepartmentAction);
  return (
    <details className="group">
      <summary className="cursor-pointer list-none rounded-md px-2 py-1 text-sm text-brand-700 hover:bg-brand-50">{t("rename")}</summary>
      <form {...formProps} className="mt-2 w-64 space-y-2">
        <input type="hidden" name="departmentId" value={department.id} />
        <TextInput label={t("name")} name="name" defaultValue={department.name} required maxLength={100} errors={fieldErrors?.name} />
        <TextInput label={t("nameEn")} name="nameEn" defaultValue={department.nameEn ?? ""} maxLength={200} errors={fieldErrors?.nameEn} />
        <FormAlert state={state} success={t("renamed")} />
        <Button type="submit" disabled={pending}>
          {t("rename")}
        </Button>
      </form>
    </details>
  );
}
