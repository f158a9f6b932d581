import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Select, TextInput } from "@/components/ui/field";
import { AUDIT_GROUPS, actionsIn } from "@/lib/audit/audit-actions";
import { actionLabel } from "@/lib/audit/describe-detail";
import type { AuditAction } from "@/lib/audit/write-audit";
import type { FieldErrors } from "@/lib/errors";

export interface AuditFilterValues {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
}

/**
 * The viewer's filters as a GET form, so that a filtered list is a link; the values are what was typed (also when
 * refused, with the reason under the field).
 */
export async function AuditFilters({
  path,
  actions,
  values,
  errors,
}: {
  path: string;
  actions: readonly AuditAction[];
  values: AuditFilterValues;
  errors: FieldErrors;
}) {
  const t = await getTranslations("audit");
  return (
    <form
      method="get"
      action={path}
      role="search"
      aria-label={t("filters.label")}
      className="mb-4 grid gap-3 rounded-xl border border-slate-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-[2fr_2fr_1fr_1fr_auto] lg:items-end"
    >
      <Select label={t("filters.action")} name="action" defaultValue={values.action ?? ""} errors={errors.action}>
        <option value="">{t("filters.allActions")}</option>
        {AUDIT_GROUPS.map((group) => {
          const inGroup = actionsIn(group, actions);
          return inGroup.length === 0 ? null : (
            <optgroup key={group} label={t(`groups.${group}`)}>
              {inGroup.map((action) => (
                <option key={action} value={action}>
                  {actionLabel(action, t)}
                </option>
              ))}
            </optgroup>
          );
        })}
      </Select>
      <TextInput
        label={t("filters.actor")}
        name="actor"
        type="search"
        defaultValue={values.actor ?? ""}
        maxLength={64}
        placeholder={t("filters.actorHint")}
        errors={errors.actor}
      />
      <TextInput label={t("filters.from")} name="from" type="date" defaultValue={values.from ?? ""} errors={errors.from} />
      <TextInput label={t("filters.to")} name="to" type="date" defaultValue={values.to ?? ""} errors={errors.to} />
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("secondary")}>
          {t("filters.apply")}
        </button>
        <a href={path} className={buttonClass("ghost")}>
          {t("filters.reset")}
        </a>
      </div>
    </form>
  );
}
