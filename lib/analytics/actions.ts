"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formToObject, runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { IdSchema } from "@/lib/course/schemas";
import type { ActionResult } from "@/lib/errors";
import { saveAtRiskSettings } from "./at-risk-settings";
import { saveCompetencies, setObjectiveCompetencies } from "./competencies";
import { refreshAnalytics } from "./refresh-analytics";
import { parseCompetencyLines } from "./competency-lines";
import { AnalyticsFiltersSchema, AtRiskThresholdsSchema } from "./schemas";

type Prev = ActionResult<unknown> | null;

const optionalDepartment = z.preprocess((value) => (value === "" ? undefined : value), IdSchema.optional());

export async function refreshAnalyticsAction(_prev: Prev, form: FormData) {
  return runAction(AnalyticsFiltersSchema, formToObject(form), async (filters) => {
    const result = await refreshAnalytics(await requireActor(), filters);
    revalidatePath("/admin/analytics", "layout");
    if (filters.courseId) revalidatePath(`/teacher/courses/${filters.courseId}/analytics`, "layout");
    return result;
  });
}

export async function saveAtRiskSettingsAction(_prev: Prev, form: FormData) {
  return runAction(AtRiskThresholdsSchema.extend({ departmentId: optionalDepartment }), formToObject(form), async ({ departmentId, ...thresholds }) => {
    const result = await saveAtRiskSettings(await requireActor(), departmentId, thresholds);
    revalidatePath("/admin/analytics", "layout");
    return result;
  });
}

export async function saveCompetenciesAction(_prev: Prev, form: FormData) {
  const Schema = z.object({ departmentId: optionalDepartment, lines: z.string().max(20_000) });
  return runAction(Schema, formToObject(form), async ({ departmentId, lines }) => {
    const result = await saveCompetencies(await requireActor(), departmentId, parseCompetencyLines(lines));
    revalidatePath("/admin/analytics", "layout");
    return result;
  });
}

export async function setObjectiveCompetenciesAction(_prev: Prev, form: FormData) {
  const Schema = z.object({ objectiveId: IdSchema, competencyIds: z.array(IdSchema).max(40).default([]) });
  const input = formToObject(form);
  const ids = input["competencyIds[]"] ?? input.competencyIds;
  return runAction(Schema, { objectiveId: input.objectiveId, competencyIds: ids === undefined ? [] : Array.isArray(ids) ? ids : [ids] }, async ({ objectiveId, competencyIds }) => {
    await setObjectiveCompetencies(await requireActor(), objectiveId, competencyIds);
    revalidatePath("/teacher/courses", "layout");
  });
}
