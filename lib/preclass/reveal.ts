/**
 * How many of a case's stages (in order) a student may see: every stage up to and including the first one whose
 * question the student has not answered. Stages without a question never hold the next one back.
 */
export function revealedCountOf(stages: readonly { id: string; question: string | null }[], answered: ReadonlySet<string>): number {
  const blocking = stages.findIndex((stage) => stage.question !== null && !answered.has(stage.id));
  return blocking === -1 ? stages.length : blocking + 1;
}
