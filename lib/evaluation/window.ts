import { AppError } from "@/lib/errors";

/** Where an evaluation stands: answers are taken in [opensAt, closesAt). */
export type EvaluationState = "not_open" | "open" | "closed";

export function evaluationStateOf(evaluation: { opensAt: Date; closesAt: Date }, now = new Date()): EvaluationState {
  if (now < evaluation.opensAt) return "not_open";
  if (now >= evaluation.closesAt) return "closed";
  return "open";
}

export function assertEvaluationOpen(evaluation: { opensAt: Date; closesAt: Date }, now = new Date()): void {
  const state = evaluationStateOf(evaluation, now);
  if (state === "not_open") throw new AppError("evaluation.not_open");
  if (state === "closed") throw new AppError("evaluation.closed");
}
