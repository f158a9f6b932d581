/** Reorders a list; the random one in production, the identity when checking whether draws can be filled. */
export type Shuffle = <T>(items: readonly T[]) => T[];

export const randomShuffle: Shuffle = (items) => {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

export const keepOrder: Shuffle = (items) => [...items];

export interface DrawAssignment {
  /** The questions drawn per draw, in the order they were picked. */
  drawn: string[][];
  /** Per draw, how many questions could not be found. */
  missing: number[];
}

/**
 * Gives every slot of every draw a different question from that draw's pool. Draws may overlap (a tag and a
 * difficulty), so picking greedily can fail where an assignment exists; this is a bipartite matching (Kuhn's
 * augmenting paths) over shuffled pools, which finds one whenever one exists and is random through the shuffle.
 * A slot that cannot be filled is counted in `missing` and the rest still get questions.
 */
export function assignDraws(pools: readonly (readonly string[])[], counts: readonly number[], shuffle: Shuffle): DrawAssignment {
  const adjacency = pools.map((pool) => shuffle(pool));
  const slotDraw: number[] = [];
  counts.forEach((count, draw) => {
    for (let i = 0; i < count; i++) slotDraw.push(draw);
  });
  const owner = new Map<string, number>();
  const slotQuestion: (string | undefined)[] = new Array(slotDraw.length);

  const augment = (slot: number, visited: Set<string>): boolean => {
    for (const question of adjacency[slotDraw[slot]]) {
      if (visited.has(question)) continue;
      visited.add(question);
      const holder = owner.get(question);
      if (holder === undefined || augment(holder, visited)) {
        owner.set(question, slot);
        slotQuestion[slot] = question;
        return true;
      }
    }
    return false;
  };

  slotDraw.forEach((draw, slot) => {
    // Most draws do not compete for questions: take a free one first, search for a path only when none is left.
    const free = adjacency[draw].find((question) => !owner.has(question));
    if (free !== undefined) {
      owner.set(free, slot);
      slotQuestion[slot] = free;
      return;
    }
    augment(slot, new Set());
  });

  const drawn: string[][] = counts.map(() => []);
  const missing = counts.map(() => 0);
  slotDraw.forEach((draw, slot) => {
    const question = slotQuestion[slot];
    if (question === undefined) missing[draw]++;
    else drawn[draw].push(question);
  });
  return { drawn, missing };
}
