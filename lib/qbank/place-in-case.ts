import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface Placement {
  caseId: string | null;
  vignette: string | null;
}

/**
 * Resolves where a saved question sits (see CasePlacementSchema): creates the new case, or checks that the chosen
 * one is the course's and updates its vignette. A question joining a case goes last in it; one staying keeps its place.
 */
export async function placeInCase(
  tx: Tx,
  courseId: string,
  placement: Placement,
  current: { caseId: string | null; casePosition: number | null } | null,
): Promise<{ caseId: string | null; casePosition: number | null }> {
  if (!placement.caseId && !placement.vignette) return { caseId: null, casePosition: null };
  let caseId = placement.caseId;
  if (!caseId) {
    caseId = (await tx.questionCase.create({ data: { courseId, vignette: placement.vignette! }, select: { id: true } })).id;
  } else {
    const found = await tx.questionCase.findFirst({ where: { id: caseId, courseId }, select: { vignette: true } });
    if (!found) throw new AppError("not_found");
    if (placement.vignette && placement.vignette !== found.vignette) {
      await tx.questionCase.update({ where: { id: caseId }, data: { vignette: placement.vignette } });
    }
  }
  if (current?.caseId === caseId) return { caseId, casePosition: current.casePosition };
  const last = await tx.question.aggregate({ where: { caseId }, _max: { casePosition: true } });
  return { caseId, casePosition: (last._max.casePosition ?? 0) + 1 };
}
