import { describe, expect, it } from "vitest";
import type { AttemptObservation } from "@/lib/quiz/item-statistics";
import { analyseItems, flagsOf, upperLowerGroups } from "./item-analysis";

const SINGLE_KEYS = [
  { key: "A", correct: true },
  { key: "B", correct: false },
  { key: "C", correct: false },
];

/** Ten students: X is single choice (key A), Y true/false; totals 2, 2, 2, 1, 1, 1, 1, 0, 0, 0. */
const TEN: AttemptObservation[] = (
  [
    [1, "A", 1],
    [1, "A", 1],
    [1, "A", 1],
    [1, "A", 0],
    [0, "B", 1],
    [1, "A", 0],
    [0, "C", 1],
    [0, "B", 0],
    [0, "B", 0],
    [0, "C", 0],
  ] as const
).map(([x, choice, y]) => ({
  items: [
    { itemId: "X", fraction: x, points: 1, answered: true, choices: [choice] },
    { itemId: "Y", fraction: y, points: 1, answered: true, choices: [y ? "true" : "false"] },
  ],
}));

describe("upper–lower 27% item analysis", () => {
  it("takes round(27% of 10) = 3 attempts from each end, ties kept in the given order", () => {
    const { upper, lower } = upperLowerGroups(TEN);
    expect(upper).toEqual(TEN.slice(0, 3));
    expect(lower).toEqual(TEN.slice(7));
    expect(upperLowerGroups(TEN.slice(0, 3))).toEqual({ upper: [], lower: [] });
  });

  it("worked example: X has p = 0.5, D = 1 − 0 = 1, and the upper group never picks a distractor", () => {
    const keys = new Map([["X", SINGLE_KEYS], ["Y", [{ key: "true", correct: true }, { key: "false", correct: false }]]]);
    const [x, y] = analyseItems(TEN, keys);
    expect(x).toMatchObject({ itemId: "X", n: 10, difficulty: 0.5, upperLower: 1, groupSize: 3, flags: [] });
    expect(x.options).toEqual([
      { key: "A", correct: true, count: 5, upper: 3, lower: 0 },
      { key: "B", correct: false, count: 3, upper: 0, lower: 2 },
      { key: "C", correct: false, count: 2, upper: 0, lower: 1 },
    ]);
    expect(x.discrimination).toBeGreaterThan(0);
    expect(y).toMatchObject({ itemId: "Y", difficulty: 0.5, upperLower: 1 });
    expect(y.options.map((o) => [o.key, o.count, o.upper, o.lower])).toEqual([
      ["true", 5, 3, 0],
      ["false", 5, 0, 3],
    ]);
  });

  it("flags an item the stronger students get wrong: the key is probably wrong", () => {
    // X (3 points) sorts the students; Z (1 point) is right only for the weak half.
    const attempts: AttemptObservation[] = [1, 1, 1, 0, 0, 0].map((x) => ({
      items: [
        { itemId: "X", fraction: x, points: 3, answered: true, choices: [x ? "A" : "B"] },
        { itemId: "Z", fraction: 1 - x, points: 1, answered: true, choices: [x ? "B" : "A"] },
      ],
    }));
    const z = analyseItems(attempts, new Map([["Z", SINGLE_KEYS]])).find((item) => item.itemId === "Z")!;
    expect(z.groupSize).toBe(2);
    expect(z.upperLower).toBe(-1);
    expect(z.discrimination).toBeCloseTo(-1, 10);
    expect(z.flags).toEqual(["wrong_key_suspected", "distractor_attracts_upper"]);
  });

  it("flags items that are too easy, too hard or barely discriminate", () => {
    expect(flagsOf({ difficulty: 0.95, discrimination: 0.3 }, 0.2, [])).toEqual(["too_easy"]);
    expect(flagsOf({ difficulty: 0.1, discrimination: 0.3 }, 0.3, [])).toEqual(["too_hard"]);
    expect(flagsOf({ difficulty: 0.6, discrimination: 0.1 }, 0.1, [])).toEqual(["low_discrimination"]);
    expect(flagsOf({ difficulty: 0.6, discrimination: null }, null, [])).toEqual([]);
  });
});
