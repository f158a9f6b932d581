/**
 * Who reviews whom: a pure function, so that the guarantees can be checked over thousands of random cohorts.
 *
 * Input: the submissions (author, the author's group, late or not), the eligible reviewers (with their group),
 * k reviews per submission, whether reviewers from the author's group are excluded, the assignments that already
 * exist (kept as they are, whether done or not, so an on-demand re-run or a late submission never undoes work),
 * and a seeded random source.
 *
 * Guarantees (each one is a property test in allocate.test.ts):
 * 1. Nobody is given their own submission.
 * 2. With `excludeOwnGroup`, nobody is given a submission whose author is in their group (authors without a group
 *    are in no group).
 * 3. Every submission ends with at least min(k, reviewers eligible for it) reviewers, existing ones included, and
 *    is never given new reviewers beyond k. A reviewer appears at most once per submission.
 * 4. Loads (existing + new assignments per reviewer) are as even as the constraints allow, in the strong sense:
 *    no new assignment can be moved along a chain of reassignments from a reviewer with load L to one with load
 *    ≤ L − 2. Consequences:
 *    - with no existing assignments and no group exclusion, loads differ by at most 1;
 *    - in general, a reviewer who got a new assignment (s, a) has load ≤ load(b) + 1 for every reviewer b who could
 *      have taken s instead. When existing assignments are uneven (someone already carries more), new work goes to
 *      the others first; the existing excess itself is never undone, so the spread can then exceed 1.
 * 5. Reciprocal pairs (A reviews B and B reviews A) are avoided where possible: a final search swaps reviewers
 *    between new assignments (which keeps every load) until no swap removes a reciprocal pair. With no existing
 *    assignments, no group exclusion and at least 2k + 1 authors there are none at all.
 * 6. The same input and seed give the same output; re-running on the output adds nothing.
 * 7. Top-up: a reviewer named in `topUp` (a late submitter folded in after every submission already had its k) ends
 *    with min(k, submissions they may review) reviews; each extra one goes to an eligible submission with the fewest
 *    reviewers, which may then have more than k. Without this a latecomer would review nobody.
 */

export interface AllocationSubmission {
  id: string;
  /** null for a submission without an author (never given to its author, since there is none). */
  authorId: string | null;
  /** The author's group. */
  groupId: string | null;
  late: boolean;
}

export interface AllocationReviewer {
  id: string;
  groupId: string | null;
}

export interface Assignment {
  submissionId: string;
  reviewerId: string;
}

export interface AllocationInput {
  submissions: readonly AllocationSubmission[];
  reviewers: readonly AllocationReviewer[];
  k: number;
  excludeOwnGroup: boolean;
  existing: readonly Assignment[];
  /** Uniform in [0, 1); pass a seeded one so that a run can be repeated. */
  random: () => number;
  /** Reviewers to bring up to k reviews even beyond k per submission (guarantee 7). */
  topUp?: readonly string[];
}

export interface Shortfall {
  submissionId: string;
  late: boolean;
  /** Reviewers it has after this run. */
  got: number;
  wanted: number;
  /** Reviewers who may review it at all (k cannot be met when this is below k). */
  eligible: number;
}

export interface AllocationResult {
  /** New assignments only; the existing ones stay as they are. */
  assignments: Assignment[];
  /** Submissions left with fewer than k reviewers, for the teacher. */
  shortfall: Shortfall[];
  /** Assignments per reviewer after this run, existing included. */
  loads: Record<string, number>;
}

export function isEligible(submission: Pick<AllocationSubmission, "authorId" | "groupId">, reviewer: AllocationReviewer, excludeOwnGroup: boolean): boolean {
  if (reviewer.id === submission.authorId) return false;
  return !(excludeOwnGroup && submission.groupId !== null && reviewer.groupId === submission.groupId);
}

/** Fisher–Yates with the given random source. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

class State {
  /** Reviewers on each submission, existing and new. */
  readonly on = new Map<string, Set<string>>();
  /** New assignments per reviewer: the only ones this run may move. */
  readonly fresh = new Map<string, Set<string>>();
  readonly load = new Map<string, number>();
  /** "reviewer→author" for every assignment, to see reciprocal pairs. */
  private readonly edges = new Map<string, number>();

  constructor(
    private readonly authorOf: Map<string, string | null>,
    reviewerIds: readonly string[],
  ) {
    for (const id of reviewerIds) {
      this.load.set(id, 0);
      this.fresh.set(id, new Set());
    }
  }

  private edgeKey(reviewerId: string, submissionId: string): string | null {
    const author = this.authorOf.get(submissionId);
    return author ? `${reviewerId}→${author}` : null;
  }

  private touchEdge(reviewerId: string, submissionId: string, delta: number) {
    const key = this.edgeKey(reviewerId, submissionId);
    if (!key) return;
    const count = (this.edges.get(key) ?? 0) + delta;
    if (count > 0) this.edges.set(key, count);
    else this.edges.delete(key);
  }

  add(submissionId: string, reviewerId: string, isNew: boolean) {
    this.on.get(submissionId)!.add(reviewerId);
    if (this.load.has(reviewerId)) this.load.set(reviewerId, this.load.get(reviewerId)! + 1);
    if (isNew) this.fresh.get(reviewerId)!.add(submissionId);
    this.touchEdge(reviewerId, submissionId, 1);
  }

  remove(submissionId: string, reviewerId: string) {
    this.on.get(submissionId)!.delete(reviewerId);
    this.load.set(reviewerId, this.load.get(reviewerId)! - 1);
    this.fresh.get(reviewerId)!.delete(submissionId);
    this.touchEdge(reviewerId, submissionId, -1);
  }

  /** Would `reviewerId` reviewing `submissionId` be answered by the author reviewing the reviewer? */
  reciprocal(submissionId: string, reviewerId: string): boolean {
    const author = this.authorOf.get(submissionId);
    return !!author && this.edges.has(`${author}→${reviewerId}`);
  }

  /** Reciprocal pairs that involve any of these assignments (each pair once). */
  reciprocalPairsAround(assignments: readonly Assignment[]): number {
    const pairs = new Set<string>();
    for (const { submissionId, reviewerId } of assignments) {
      const author = this.authorOf.get(submissionId);
      if (!author || !this.on.get(submissionId)!.has(reviewerId)) continue;
      if (this.edges.has(`${author}→${reviewerId}`)) pairs.add([author, reviewerId].sort().join("|"));
    }
    return pairs.size;
  }
}

export function allocateReviews(input: AllocationInput): AllocationResult {
  const { k, excludeOwnGroup, random } = input;
  const reviewers = new Map(input.reviewers.map((r) => [r.id, r]));
  const submissions = input.submissions;
  const authorOf = new Map(submissions.map((s) => [s.id, s.authorId]));
  const state = new State(authorOf, [...reviewers.keys()]);
  for (const s of submissions) state.on.set(s.id, new Set());
  for (const a of input.existing) {
    if (!state.on.has(a.submissionId) || state.on.get(a.submissionId)!.has(a.reviewerId)) continue;
    state.add(a.submissionId, a.reviewerId, false);
  }

  const reviewerOrder = shuffled([...reviewers.values()], random);
  const eligibleFor = new Map(submissions.map((s) => [s.id, reviewerOrder.filter((r) => isEligible(s, r, excludeOwnGroup))]));
  const candidatesOf = (submissionId: string) =>
    eligibleFor.get(submissionId)!.filter((r) => !state.on.get(submissionId)!.has(r.id));

  // How many new reviewers each submission gets: up to k in all, as many as there are candidates.
  const need = new Map(submissions.map((s) => [s.id, Math.min(Math.max(0, k - state.on.get(s.id)!.size), candidatesOf(s.id).length)]));

  greedyFill(submissions, need, candidatesOf, state, random);
  balanceLoads(state, eligibleFor);
  topUpReviewers(input.topUp ?? [], submissions, k, state, excludeOwnGroup, reviewers, random);
  removeReciprocalPairs(state, eligibleFor, random);

  const assignments: Assignment[] = [];
  for (const [reviewerId, subs] of state.fresh) for (const submissionId of subs) assignments.push({ submissionId, reviewerId });
  const order = new Map(submissions.map((s, i) => [s.id, i]));
  assignments.sort((a, b) => order.get(a.submissionId)! - order.get(b.submissionId)! || a.reviewerId.localeCompare(b.reviewerId));

  const shortfall: Shortfall[] = submissions
    .filter((s) => state.on.get(s.id)!.size < k)
    .map((s) => ({ submissionId: s.id, late: s.late, got: state.on.get(s.id)!.size, wanted: k, eligible: eligibleFor.get(s.id)!.length }));
  return { assignments, shortfall, loads: Object.fromEntries(state.load) };
}

/**
 * Round by round, each submission that still needs a reviewer takes the least-loaded candidate, preferring one that
 * makes no reciprocal pair; the most constrained submissions choose first. A good start, not yet the guarantee.
 */
function greedyFill(
  submissions: readonly AllocationSubmission[],
  need: Map<string, number>,
  candidatesOf: (submissionId: string) => AllocationReviewer[],
  state: State,
  random: () => number,
) {
  const order = shuffled(submissions, random)
    .map((s) => ({ s, tie: candidatesOf(s.id).length }))
    // Late submissions after the on-time ones, so that folding one in disturbs the others as little as possible.
    .sort((a, b) => Number(a.s.late) - Number(b.s.late) || a.tie - b.tie)
    .map(({ s }) => s);
  let pending = true;
  while (pending) {
    pending = false;
    for (const s of order) {
      if (need.get(s.id)! === 0) continue;
      let best: AllocationReviewer | null = null;
      let bestKey: [number, number] = [Infinity, Infinity];
      for (const r of candidatesOf(s.id)) {
        const key: [number, number] = [state.load.get(r.id)!, state.reciprocal(s.id, r.id) ? 1 : 0];
        if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
          best = r;
          bestKey = key;
        }
      }
      if (!best) continue;
      state.add(s.id, best.id, true);
      need.set(s.id, need.get(s.id)! - 1);
      if (need.get(s.id)! > 0) pending = true;
    }
  }
}

/** Guarantee 7: the named reviewers take extra reviews of the least-reviewed submissions they may review. */
function topUpReviewers(
  ids: readonly string[],
  submissions: readonly AllocationSubmission[],
  k: number,
  state: State,
  excludeOwnGroup: boolean,
  reviewers: Map<string, AllocationReviewer>,
  random: () => number,
) {
  for (const id of shuffled(ids, random)) {
    const reviewer = reviewers.get(id);
    if (!reviewer) continue;
    const open = shuffled(submissions, random).filter((s) => isEligible(s, reviewer, excludeOwnGroup));
    while (state.load.get(id)! < k) {
      const candidates = open.filter((s) => !state.on.get(s.id)!.has(id));
      if (candidates.length === 0) break;
      const keyOf = (s: AllocationSubmission) => state.on.get(s.id)!.size * 2 + (state.reciprocal(s.id, id) ? 1 : 0);
      const best = candidates.reduce((a, b) => (keyOf(b) < keyOf(a) ? b : a));
      state.add(best.id, id, true);
    }
  }
}

/**
 * Moves new assignments along alternating chains from heavier to lighter reviewers until no chain leads from a
 * reviewer with load L to one with load ≤ L − 2. Every move lowers the sum of squared loads, so this ends; when it
 * ends, the loads are the most even any assignment with the same coverage can have (no cost-reducing path).
 */
function balanceLoads(state: State, eligibleFor: Map<string, AllocationReviewer[]>) {
  for (;;) {
    const heaviestFirst = [...state.load.keys()].sort((a, b) => state.load.get(b)! - state.load.get(a)! || a.localeCompare(b));
    const minLoad = Math.min(...state.load.values());
    let moved = false;
    for (const start of heaviestFirst) {
      const startLoad = state.load.get(start)!;
      if (startLoad < minLoad + 2) break;
      const path = lighterChain(state, eligibleFor, start, startLoad - 2);
      if (!path) continue;
      for (const { submissionId, from, to } of path) {
        state.remove(submissionId, from);
        state.add(submissionId, to, true);
      }
      moved = true;
      break;
    }
    if (!moved) return;
  }
}

interface Move {
  submissionId: string;
  from: string;
  to: string;
}

/** Breadth-first search for a chain of moves from `start` to a reviewer with load ≤ `target`. */
function lighterChain(state: State, eligibleFor: Map<string, AllocationReviewer[]>, start: string, target: number): Move[] | null {
  const cameFrom = new Map<string, Move | null>([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const from = queue.shift()!;
    for (const submissionId of state.fresh.get(from)!) {
      for (const r of eligibleFor.get(submissionId)!) {
        if (cameFrom.has(r.id) || state.on.get(submissionId)!.has(r.id)) continue;
        cameFrom.set(r.id, { submissionId, from, to: r.id });
        if (state.load.get(r.id)! <= target) {
          const path: Move[] = [];
          for (let step = cameFrom.get(r.id); step; step = cameFrom.get(step.from)!) path.unshift(step);
          return path;
        }
        queue.push(r.id);
      }
    }
  }
  return null;
}

/**
 * Swaps the reviewers of two new assignments — (s1, a), (s2, b) → (s1, b), (s2, a) — when both stay eligible and
 * the number of reciprocal pairs drops. Swaps keep every load, so the balance above is kept.
 */
function removeReciprocalPairs(state: State, eligibleFor: Map<string, AllocationReviewer[]>, random: () => number) {
  const eligible = new Map([...eligibleFor].map(([id, rs]) => [id, new Set(rs.map((r) => r.id))]));
  const freshList = () => {
    const list: Assignment[] = [];
    for (const [reviewerId, subs] of state.fresh) for (const submissionId of subs) list.push({ submissionId, reviewerId });
    return list;
  };
  for (let pass = 0; pass < 20; pass++) {
    let improved = false;
    const all = freshList();
    for (const x of shuffled(all, random)) {
      if (!state.fresh.get(x.reviewerId)!.has(x.submissionId) || !state.reciprocal(x.submissionId, x.reviewerId)) continue;
      for (const y of shuffled(freshList(), random)) {
        if (y.reviewerId === x.reviewerId || y.submissionId === x.submissionId) continue;
        if (!eligible.get(x.submissionId)!.has(y.reviewerId) || !eligible.get(y.submissionId)!.has(x.reviewerId)) continue;
        if (state.on.get(x.submissionId)!.has(y.reviewerId) || state.on.get(y.submissionId)!.has(x.reviewerId)) continue;
        const after = [
          { submissionId: x.submissionId, reviewerId: y.reviewerId },
          { submissionId: y.submissionId, reviewerId: x.reviewerId },
        ];
        const before = state.reciprocalPairsAround([x, y]);
        state.remove(x.submissionId, x.reviewerId);
        state.remove(y.submissionId, y.reviewerId);
        after.forEach((a) => state.add(a.submissionId, a.reviewerId, true));
        if (state.reciprocalPairsAround(after) < before) {
          improved = true;
          break;
        }
        after.forEach((a) => state.remove(a.submissionId, a.reviewerId));
        state.add(x.submissionId, x.reviewerId, true);
        state.add(y.submissionId, y.reviewerId, true);
      }
    }
    if (!improved) return;
  }
}
