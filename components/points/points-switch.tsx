"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-alert";
import { setPointsEnabledAction } from "@/lib/points/actions";

/**
 * The teacher's on/off switch for a course's points (needs the "points" messages). Render it only for actors with
 * "coursework.manage"; load `enabled` with getPointsSetting.
 */
export function PointsSwitch({ courseId, enabled }: { courseId: string; enabled: boolean }) {
  const t = useTranslations("points.switch");
  const [state, formAction, pending] = useActionState(setPointsEnabledAction, null);
  const current = state?.ok ? state.data.enabled : enabled;
  return (
    <Card title={t("title")}>
      <form action={formAction} data-testid="points-switch" data-enabled={current} className="space-y-3">
        <input type="hidden" name="courseId" value={courseId} />
        <input type="hidden" name="enabled" value={String(!current)} />
        <p className="text-sm text-slate-700">{current ? t("on") : t("off")}</p>
        <p className="text-xs text-slate-500">{t("hint")}</p>
        <FormAlert state={state} />
        <Button type="submit" variant={current ? "secondary" : "primary"} data-testid="points-switch-button" disabled={pending}>
          {current ? t("turnOff") : t("turnOn")}
        </Button>
      </form>
    </Card>
  );
}
