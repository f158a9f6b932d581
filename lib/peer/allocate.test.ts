import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/demo/seed";
import { type AllocationInput, type AllocationResult, type Assignment, allocateReviews, isEligible } from "./allocate";

interface Cohort {
  students: { id: string; groupId: string | null; submitted: boolean; late: boolean }[];
  k: number;
  excludeOwnGroup: boolean;
  seed: number;
}

/** 1–60 students in up to 8 groups (some in none), k 1–5; most submitted, a few late. */
const cohortArb: fc.Arbitrary<Cohort> = fc
  .record({
    n: fc.integer({ min: 1, max: 60 }),
    groups: fc.integer({ min: 0, max: 8 }),
    k: fc.integer({ min: 1, max: 5 }),
    excludeOwnGroup: fc.boolean(),
    seed: fc.integer(),
  })
  .chain(({ n, groups, k, excludeOwnGroup, seed }) =>
    fc
      .array(fc.record({ group: fc.integer({ min: -1, max: groups - 1 }), submitted: fc.double({ min: 0, max: 1, noNaN: true }), late: fc.boolean() }), {
        minLength: n,
        maxLength: n,
      })
      .map((rows) => ({
        students: rows.map((row, i) => ({
          id: `u${i}`,
          groupId: row.group >= 0 ? `g${row.group}` : null,
          submitted: row.submitted < 0.9,
          late: row.late && row.submitted < 0.2,
        })),
        k,
        excludeOwnGroup,
        seed,
      })),
  );

/** Submitters review (the app's rule); the pure function also takes reviewers who did not submit. */
function inputOf(cohort: Cohort, existing: Assignment[] = []): AllocationInput {
  const submitted = cohort.students.filter((s) => s.submitted);
  return {
    submissions: submitted.map((s) => ({ id: `s-${s.id}`, authorId: s.id, groupId: s.groupId, late: s.late })),
    reviewers: submitted.map((s) => ({ id: s.id, groupId: s.groupId })),
    k: cohort.k,
    excludeOwnGroup: cohort.excludeOwnGroup,
    existing,
    random: seededRandom(cohort.seed),
  };
}

const all = (input: AllocationInput, result: AllocationResult) => [...input.existing, ...result.assignments];

function eligibleCount(input: AllocationInput, submissionId: string): number {
  const s = input.submissions.find((x) => x.id === submissionId)!;
  return input.reviewers.filter((r) => isEligible(s, r, input.excludeOwnGroup)).length;
}

function loadsOf(input: AllocationInput, result: AllocationResult): Map<string, number> {
  const loads = new Map(input.reviewers.map((r) => [r.id, 0]));
  for (const a of all(input, result)) if (loads.has(a.reviewerId)) loads.set(a.reviewerId, loads.get(a.reviewerId)! + 1);
  return loads;
}

function reciprocalPairs(input: AllocationInput, assignments: Assignment[]): number {
  const authorOf = new Map(input.submissions.map((s) => [s.id, s.authorId]));
  const edges = new Set(assignments.map((a) => `${a.reviewerId}→${authorOf.get(a.submissionId)}`));
  let pairs = 0;
  for (const edge of edges) {
    const [from, to] = edge.split("→");
    if (from < to && edges.has(`${to}→${from}`)) pairs++;
  }
  return pairs;
}

/**
 * An independent check of guarantee 4: breadth-first search over the result for a chain of reassignments of new
 * assignments from a reviewer with load L to one with load ≤ L − 2.
 */
function hasImprovingChain(input: AllocationInput, result: AllocationResult): boolean {
  const loads = loadsOf(input, result);
  const on = new Map(input.submissions.map((s) => [s.id, new Set<string>()]));
  for (const a of all(input, result)) on.get(a.submissionId)!.add(a.reviewerId);
  const fresh = new Map(input.reviewers.map((r) => [r.id, [] as string[]]));
  for (const a of result.assignments) fresh.get(a.reviewerId)!.push(a.submissionId);
  for (const start of input.reviewers) {
    const seen = new Set([start.id]);
    const queue = [start.id];
    while (queue.length) {
      const from = queue.shift()!;
      for (const submissionId of fresh.get(from)!) {
        const s = input.submissions.find((x) => x.id === submissionId)!;
        for (const r of input.reviewers) {
          if (seen.has(r.id) || on.get(submissionId)!.has(r.id) || !isEligible(s, r, input.excludeOwnGroup)) continue;
          if (loads.get(r.id)! <= loads.get(start.id)! - 2) return true;
          seen.add(r.id);
          queue.push(r.id);
        }
      }
    }
  }
  return false;
}

/** Some of a first run's assignments, as if the teacher had removed others or a first run had been partial. */
const existingArb = (cohort: Cohort) =>
  fc.array(fc.boolean(), { minLength: 400, maxLength: 400 }).map((keep) => {
    const first = allocateReviews(inputOf(cohort));
    return first.assignments.filter((_, i) => keep[i % keep.length]);
  });

const RUNS = { numRuns: 300 };

describe("allocateReviews: properties over random cohorts", () => {
  it("never gives anyone their own submission", () => {
    fc.assert(
      fc.property(cohortArb, (cohort) => {
        const input = inputOf(cohort);
        const authorOf = new Map(input.submissions.map((s) => [s.id, s.authorId]));
        for (const a of allocateReviews(input).assignments) expect(a.reviewerId).not.toBe(authorOf.get(a.submissionId));
      }),
      RUNS,
    );
  });

  it("respects group exclusion when it is set", () => {
    fc.assert(
      fc.property(cohortArb, (cohort) => {
        const input = { ...inputOf(cohort), excludeOwnGroup: true };
        const groupOf = new Map(cohort.students.map((s) => [s.id, s.groupId]));
        for (const a of allocateReviews(input).assignments) {
          const authorGroup = groupOf.get(a.submissionId.slice(2));
          if (authorGroup !== null) expect(groupOf.get(a.reviewerId)).not.toBe(authorGroup);
        }
      }),
      RUNS,
    );
  });

  it("gives every submission min(k, eligible reviewers) distinct reviewers, never more than k", () => {
    fc.assert(
      fc.property(cohortArb, (cohort) => {
        const input = inputOf(cohort);
        const result = allocateReviews(input);
        const keys = result.assignments.map((a) => `${a.submissionId}|${a.reviewerId}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const s of input.submissions) {
          const got = result.assignments.filter((a) => a.submissionId === s.id).length;
          expect(got).toBe(Math.min(cohort.k, eligibleCount(input, s.id)));
          const short = result.shortfall.find((x) => x.submissionId === s.id);
          expect(short ? { got: short.got, eligible: short.eligible } : null).toEqual(got < cohort.k ? { got, eligible: eligibleCount(input, s.id) } : null);
        }
      }),
      RUNS,
    );
  });

  it("keeps loads within 1 of each other when no group rule applies", () => {
    fc.assert(
      fc.property(cohortArb, (cohort) => {
        const input = { ...inputOf(cohort), excludeOwnGroup: false };
        const loads = [...loadsOf(input, allocateReviews(input)).values()];
        if (loads.length) expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it("with a group rule, leaves no chain of reassignments that would even the loads out", () => {
    fc.assert(
      fc.property(cohortArb, (cohort) => {
        const input = { ...inputOf(cohort), excludeOwnGroup: true };
        const result = allocateReviews(input);
        expect(hasImprovingChain(input, result)).toBe(false);
        // The one-step consequence: whoever got s is at most 1 above anyone else who could have taken it.
        const loads = loadsOf(input, result);
        for (const a of result.assignments) {
          const s = input.submissions.find((x) => x.id === a.submissionId)!;
          const onS = new Set(result.assignments.filter((b) => b.submissionId === s.id).map((b) => b.reviewerId));
          for (const r of input.reviewers) {
            if (onS.has(r.id) || !isEligible(s, r, true)) continue;
            expect(loads.get(a.reviewerId)!).toBeLessThanOrEqual(loads.get(r.id)! + 1);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("keeps existing assignments, tops submissions up to k and balances what it adds", () => {
    fc.assert(
      fc.property(
        cohortArb.chain((cohort) => existingArb(cohort).map((existing) => ({ cohort, existing }))),
        ({ cohort, existing }) => {
          const input = inputOf({ ...cohort, seed: cohort.seed + 1 }, existing);
          const result = allocateReviews(input);
          const existingKeys = new Set(existing.map((a) => `${a.submissionId}|${a.reviewerId}`));
          for (const a of result.assignments) expect(existingKeys.has(`${a.submissionId}|${a.reviewerId}`)).toBe(false);
          for (const s of input.submissions) {
            const got = all(input, result).filter((a) => a.submissionId === s.id).length;
            expect(got).toBe(Math.min(cohort.k, eligibleCount(input, s.id)));
          }
          expect(hasImprovingChain(input, result)).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("tops named late reviewers up to k without breaking the other rules", () => {
    fc.assert(
      fc.property(cohortArb, (cohort) => {
        const first = allocateReviews(inputOf(cohort));
        const late = cohort.students.filter((s) => s.submitted && s.late).map((s) => s.id);
        // As if the latecomers had arrived after the first run: their own reviews are dropped, their submissions too.
        const existing = first.assignments.filter((a) => !late.includes(a.reviewerId) && !late.includes(a.submissionId.slice(2)));
        const input = { ...inputOf({ ...cohort, seed: cohort.seed + 1 }, existing), topUp: late };
        const result = allocateReviews(input);
        const authorOf = new Map(input.submissions.map((s) => [s.id, s]));
        for (const a of result.assignments) expect(isEligible(authorOf.get(a.submissionId)!, input.reviewers.find((r) => r.id === a.reviewerId)!, cohort.excludeOwnGroup)).toBe(true);
        for (const id of late) {
          const reviewer = input.reviewers.find((r) => r.id === id)!;
          const open = input.submissions.filter((s) => isEligible(s, reviewer, cohort.excludeOwnGroup)).length;
          // At least k; more when other late submissions needed them as reviewers anyway.
          expect(result.loads[id]).toBeGreaterThanOrEqual(Math.min(cohort.k, open));
        }
        for (const s of input.submissions) {
          expect(all(input, result).filter((a) => a.submissionId === s.id).length).toBeGreaterThanOrEqual(Math.min(cohort.k, eligibleCount(input, s.id)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("adds nothing when run again on its own result, and repeats itself for the same seed", () => {
    fc.assert(
      fc.property(cohortArb, (cohort) => {
        const first = allocateReviews(inputOf(cohort));
        expect(allocateReviews(inputOf(cohort)).assignments).toEqual(first.assignments);
        expect(allocateReviews(inputOf(cohort, first.assignments)).assignments).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("makes no reciprocal pairs when there are at least 2k + 1 authors and no group rule", () => {
    fc.assert(
      fc.property(cohortArb, (cohort) => {
        const input = { ...inputOf(cohort), excludeOwnGroup: false };
        fc.pre(input.submissions.length >= 2 * cohort.k + 1);
        expect(reciprocalPairs(input, allocateReviews(input).assignments)).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe("allocateReviews: worked examples", () => {
  const students = (n: number, groups: (string | null)[] = []) =>
    Array.from({ length: n }, (_, i) => ({ id: `u${i}`, groupId: groups[i] ?? null, submitted: true, late: false }));

  it("3 students with k = 3: each gets the other two and the teacher is told", () => {
    const input = inputOf({ students: students(3), k: 3, excludeOwnGroup: false, seed: 1 });
    const result = allocateReviews(input);
    expect(result.assignments).toHaveLength(6);
    expect(result.shortfall).toEqual(["s-u0", "s-u1", "s-u2"].map((submissionId) => ({ submissionId, late: false, got: 2, wanted: 3, eligible: 2 })));
    expect(result.loads).toEqual({ u0: 2, u1: 2, u2: 2 });
  });

  it("2 students with k = 1: they can only review each other (a reciprocal pair nobody can avoid)", () => {
    const input = inputOf({ students: students(2), k: 1, excludeOwnGroup: false, seed: 7 });
    const result = allocateReviews(input);
    expect(result.assignments).toEqual([
      { submissionId: "s-u0", reviewerId: "u1" },
      { submissionId: "s-u1", reviewerId: "u0" },
    ]);
    expect(result.shortfall).toEqual([]);
  });

  it("1 student: nobody can review the submission", () => {
    const result = allocateReviews(inputOf({ students: students(1), k: 3, excludeOwnGroup: false, seed: 1 }));
    expect(result.assignments).toEqual([]);
    expect(result.shortfall).toEqual([{ submissionId: "s-u0", late: false, got: 0, wanted: 3, eligible: 0 }]);
  });

  it("7 students with k = 3: everyone reviews exactly 3, no reciprocal pairs", () => {
    const input = inputOf({ students: students(7), k: 3, excludeOwnGroup: false, seed: 42 });
    const result = allocateReviews(input);
    expect(Object.values(result.loads)).toEqual([3, 3, 3, 3, 3, 3, 3]);
    expect(reciprocalPairs(input, result.assignments)).toBe(0);
    expect(result.shortfall).toEqual([]);
  });

  it("one group of 4 and 2 students without a group, own group excluded: the group's work goes to the two", () => {
    const input = inputOf({ students: students(6, ["g", "g", "g", "g", null, null]), k: 3, excludeOwnGroup: true, seed: 3 });
    const result = allocateReviews(input);
    for (const id of ["s-u0", "s-u1", "s-u2", "s-u3"]) {
      expect(result.assignments.filter((a) => a.submissionId === id).map((a) => a.reviewerId).sort()).toEqual(["u4", "u5"]);
    }
    // u4 and u5 already carry 4 each, so the 6 reviews of their own submissions go to the group, as evenly as can be.
    expect([result.loads.u4, result.loads.u5]).toEqual([4, 4]);
    expect([result.loads.u0, result.loads.u1, result.loads.u2, result.loads.u3].sort()).toEqual([1, 1, 2, 2]);
    expect(result.shortfall.map((s) => s.submissionId)).toEqual(["s-u0", "s-u1", "s-u2", "s-u3"]);
  });

  it("a late submission is folded in without touching reviews already allocated", () => {
    const onTime = students(6);
    const first = allocateReviews(inputOf({ students: onTime, k: 2, excludeOwnGroup: false, seed: 5 }));
    const withLate = [...onTime, { id: "u6", groupId: null, submitted: true, late: true }];
    const input = { ...inputOf({ students: withLate, k: 2, excludeOwnGroup: false, seed: 6 }, first.assignments), topUp: ["u6"] };
    const second = allocateReviews(input);
    expect(second.assignments.filter((a) => a.submissionId === "s-u6")).toHaveLength(2);
    // The latecomer reviews two others (who then have 3 reviews); no one's existing work is taken away.
    expect(second.loads.u6).toBe(2);
    expect(second.assignments.every((a) => a.submissionId === "s-u6" || a.reviewerId === "u6")).toBe(true);
    const reviewsOf = (id: string) => all(input, second).filter((a) => a.submissionId === id).length;
    expect(["s-u0", "s-u1", "s-u2", "s-u3", "s-u4", "s-u5"].map(reviewsOf).sort()).toEqual([2, 2, 2, 2, 3, 3]);
  });

  it("existing uneven loads: new work goes to the lighter reviewers first", () => {
    const cohort = { students: students(5), k: 2, excludeOwnGroup: false, seed: 9 };
    // u0 already reviews three submissions (a teacher's manual additions).
    const existing = ["s-u1", "s-u2", "s-u3"].map((submissionId) => ({ submissionId, reviewerId: "u0" }));
    const result = allocateReviews(inputOf(cohort, existing));
    expect(result.assignments.some((a) => a.reviewerId === "u0")).toBe(false);
    expect(result.loads.u0).toBe(3);
    const others = ["u1", "u2", "u3", "u4"].map((id) => result.loads[id]);
    expect(Math.max(...others) - Math.min(...others)).toBeLessThanOrEqual(1);
  });
});
