import { describe, expect, it } from "vitest";
import { assignDraws, keepOrder, randomShuffle } from "./draw-matching";
import { planAttempt } from "./plan-attempt";

describe("assignDraws", () => {
  it("fills overlapping draws where picking greedily would fail", () => {
    // Draw 1 (any of a, b) greedily takes a; draw 2 can only use a: a matching moves draw 1 to b.
    const { drawn, missing } = assignDraws([["a", "b"], ["a"]], [1, 1], keepOrder);
    expect(missing).toEqual([0, 0]);
    expect(drawn).toEqual([["b"], ["a"]]);
  });

  it("reports how many each draw is short and still fills the rest", () => {
    expect(assignDraws([["a", "b"], ["b", "c"]], [2, 2], keepOrder).missing).toEqual([0, 1]);
    expect(assignDraws([[]], [3], keepOrder)).toEqual({ drawn: [[]], missing: [3] });
  });

  it("never gives one question twice and respects the counts", () => {
    const pool = Array.from({ length: 30 }, (_, i) => `q${i}`);
    for (let run = 0; run < 20; run++) {
      const { drawn, missing } = assignDraws([pool.slice(0, 20), pool.slice(10)], [8, 12], randomShuffle);
      expect(missing).toEqual([0, 0]);
      expect(drawn.map((d) => d.length)).toEqual([8, 12]);
      expect(new Set(drawn.flat()).size).toBe(20);
      expect(drawn[0].every((q) => pool.slice(0, 20).includes(q))).toBe(true);
    }
  });
});

describe("planAttempt", () => {
  const q = (id: string, caseId: string | null = null, casePosition: number | null = null) => ({
    question: { id, type: "SINGLE" as const, options: [{ key: "A", text: "甲" }, { key: "B", text: "乙" }, { key: "C", text: "丙" }], caseId, casePosition },
    points: 2,
  });
  const reverse = <T,>(items: readonly T[]) => [...items].reverse();

  it("keeps the questions of a case together in the case's order", () => {
    const plan = planAttempt([q("x"), q("c2", "case", 2), q("y"), q("c1", "case", 1)], { shuffleQuestions: false, shuffleOptions: false }, keepOrder);
    expect(plan.map((p) => p.questionId)).toEqual(["x", "c1", "c2", "y"]);
    expect(plan[0]).toEqual({ questionId: "x", points: 2, optionOrder: ["A", "B", "C"] });
  });

  it("shuffles whole cases and the options when asked", () => {
    const plan = planAttempt([q("x"), q("c1", "case", 1), q("c2", "case", 2)], { shuffleQuestions: true, shuffleOptions: true }, reverse);
    expect(plan.map((p) => p.questionId)).toEqual(["c1", "c2", "x"]);
    expect(plan[0].optionOrder).toEqual(["C", "B", "A"]);
  });
});
