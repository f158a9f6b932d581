"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { refreshAnalyticsAction } from "@/lib/analytics/actions";

/** "Refresh now": rebuilds the figures of what the page shows (the same filters). */
export function RefreshButton({ filters }: { filters: Record<string, string | undefined> }) {
  const t = useTranslations("analytics.ui.freshness");
  const { state, pending, formProps } = useFormAction(refreshAnalyticsAction);
  const result = state?.ok && typeof state.data === "object" && state.data ? (state.data as { courses?: unknown; queued?: unknown }) : {};
  const courses = Number(result.courses ?? 0);
  // A large scope is partly rebuilt in the background (lib/analytics/refresh-analytics.ts).
  const queued = Number(result.queued ?? 0);
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-2">
      {Object.entries(filters).map(([name, value]) => value && <input key={name} type="hidden" name={name} value={value} />)}
      <Button type="submit" variant="ghost" disabled={pending} data-testid="analytics-refresh" className="min-h-8 px-2 py-1 text-xs">
        {t("refresh")}
      </Button>
      <FormAlert state={state} success={queued ? t("refreshedSome", { courses, queued }) : t("refreshed", { courses })} />
    </form>
  );
}
