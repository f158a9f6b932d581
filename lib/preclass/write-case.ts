import type { z } from "zod";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ClinicalCaseSchema } from "./schemas";

type ClinicalCaseData = z.output<typeof ClinicalCaseSchema>;

/**
 * Makes the lesson's case the given one. Stages are matched by id so that students' answers survive edits: stages
 * that keep their id are updated, new ones created, missing ones deleted (with their answers). A published case
 * must stay confirmed as de-identified, since students can read it.
 */
export async function writeCase(tx: Tx, lessonId: string, data: ClinicalCaseData | null, published: boolean): Promise<string[]> {
  if (!data) {
    await tx.clinicalCase.deleteMany({ where: { lessonId } });
    return [];
  }
  if (published && !data.deidentified) throw new AppError("preclass.not_deidentified");
  const clinicalCase = await tx.clinicalCase.upsert({
    where: { lessonId },
    create: { lessonId, title: data.title, deidentified: data.deidentified },
    update: { title: data.title, deidentified: data.deidentified },
    select: { id: true, stages: { select: { id: true } } },
  });
  const existing = new Set(clinicalCase.stages.map((stage) => stage.id));
  const kept = new Set<string>();
  const plan = data.stages.map((stage) => {
    // An id of another case's stage, or one listed twice, is treated as a new stage.
    const keep = stage.id !== undefined && existing.has(stage.id) && !kept.has(stage.id);
    if (keep) kept.add(stage.id!);
    return { ...stage, keep };
  });
  await tx.caseStage.deleteMany({ where: { caseId: clinicalCase.id, id: { notIn: [...kept] } } });
  const ids: string[] = [];
  for (const [position, stage] of plan.entries()) {
    const fields = { position, title: stage.title, content: stage.content, question: stage.question };
    const row = stage.keep
      ? await tx.caseStage.update({ where: { id: stage.id }, data: fields, select: { id: true } })
      : await tx.caseStage.create({ data: { caseId: clinicalCase.id, ...fields }, select: { id: true } });
    ids.push(row.id);
  }
  return ids;
}
