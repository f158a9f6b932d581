import { randomBytes } from "node:crypto";
import type { Rubric } from "./rubric";

type LevelDraft = { id?: string; title: string; description?: string; points: number };

/** A rubric as an editor or a feature builds it: ids may be missing, and a criterion without a kind has levels. */
export type RubricDraft = ({ id?: string; title: string; description?: string } & ({ kind?: "levels"; levels: LevelDraft[] } | { kind: "comment" }))[];

const newId = () => randomBytes(6).toString("base64url");

/**
 * Gives criteria and levels without an id (or with one already used) a new one; ids stay unique across the whole
 * rubric so level picks cannot be confused, and kept ids keep given grades attached when a criterion is renamed.
 */
export function withIds(rubric: RubricDraft): Rubric {
  const seen = new Set<string>();
  const unique = (id: string | undefined) => {
    let out = id && !seen.has(id) ? id : newId();
    while (seen.has(out)) out = newId();
    seen.add(out);
    return out;
  };
  return rubric.map((criterion) => {
    const common = { id: unique(criterion.id), title: criterion.title, description: criterion.description ?? "" };
    if (criterion.kind === "comment") return { kind: "comment", ...common };
    return {
      kind: "levels",
      ...common,
      levels: criterion.levels.map((level) => ({ id: unique(level.id), title: level.title, description: level.description ?? "", points: level.points })),
    };
  });
}
