import { describe, expect, it } from "vitest";
import { type AttemptObservation, itemStatistics, pearson, scoreDistribution, summarizeScores } from "./item-statistics";

const attempt = (...items: [string, number, string[]?][]): AttemptObservation => ({
  items: items.map(([itemId, fraction, choices]) => ({ itemId, fraction, points: 1, answered: choices ? choices.length > 0 : true, choices })),
});

describe("pearson", () => {
  it("matches a hand-computed correlation", () => {
    // x̄ = 2.5, ȳ = 3; Σdxdy = 6, Σdx² = 5, Σdy² = 8 → r = 6 / √40
    expect(pearson([1, 2, 3, 4], [1, 3, 3, 5])).toBeCloseTo(6 / Math.sqrt(40), 10);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1);
  });

  it("is undefined without variance or pairs", () => {
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pearson([1], [2])).toBeNull();
    expect(pearson([1, 2], [1])).toBeNull();
  });
});

describe("itemStatistics", () => {
  // Four students; q1 is answered right by the strong students, q3 by the weak ones (a suspicious key).
  const attempts = [
    attempt(["q1", 1, ["A"]], ["q2", 1, ["B"]], ["q3", 0, ["C"]], ["q4", 1]),
    attempt(["q1", 1, ["A"]], ["q2", 1, ["B"]], ["q3", 0, ["D"]], ["q4", 1]),
    attempt(["q1", 0, ["B"]], ["q2", 0, ["A"]], ["q3", 1, ["A"]], ["q4", 0]),
    attempt(["q1", 0, []], ["q2", 0, ["C"]], ["q3", 1, ["A"]], ["q4", 0]),
  ];
  const stats = Object.fromEntries(itemStatistics(attempts).map((s) => [s.itemId, s]));

  it("gives the difficulty as the mean share of points", () => {
    expect(stats.q1.difficulty).toBe(0.5);
    expect(stats.q1.n).toBe(4);
  });

  it("correlates each item with the rest of the test, not with a total that includes it", () => {
    // q1 against rest (q2+q3+q4): [2, 2, 1, 1] → r = 1
    expect(stats.q1.discrimination).toBeCloseTo(1);
    expect(stats.q1.negativeDiscrimination).toBe(false);
  });

  it("flags an item the weaker students get right as negatively discriminating", () => {
    // q3 against rest: [3, 3, 0, 0] while q3 = [0, 0, 1, 1] → r = −1
    expect(stats.q3.discrimination).toBeCloseTo(-1);
    expect(stats.q3.negativeDiscrimination).toBe(true);
  });

  it("counts choices for distractor analysis, and unanswered items", () => {
    expect(stats.q1.choiceCounts).toEqual({ A: 2, B: 1 });
    expect(stats.q1.unanswered).toBe(1);
    expect(stats.q3.choiceCounts).toEqual({ C: 1, D: 1, A: 2 });
    expect(stats.q4.choiceCounts).toEqual({});
  });

  it("gives no discrimination for an item everyone got right, or with too few attempts", () => {
    const easy = itemStatistics([attempt(["e", 1], ["x", 1]), attempt(["e", 1], ["x", 0]), attempt(["e", 1], ["x", 1])]);
    expect(easy[0]).toMatchObject({ itemId: "e", difficulty: 1, discrimination: null, negativeDiscrimination: false });
    const two = itemStatistics([attempt(["a", 1], ["b", 1]), attempt(["a", 0], ["b", 0])]);
    expect(two[0].discrimination).toBeNull();
  });

  it("handles items that only some attempts contain (random draws)", () => {
    const drawn = itemStatistics([attempt(["a", 1], ["b", 1]), attempt(["a", 0], ["c", 1]), attempt(["b", 0], ["c", 0])]);
    expect(Object.fromEntries(drawn.map((s) => [s.itemId, s.n]))).toEqual({ a: 2, b: 2, c: 2 });
  });

  it("weights the rest-of-test score by points and uses partial credit fractions", () => {
    const weighted = itemStatistics([
      { items: [{ itemId: "p", fraction: 0.5, points: 2, answered: true }, { itemId: "big", fraction: 1, points: 10, answered: true }] },
      { items: [{ itemId: "p", fraction: 1, points: 2, answered: true }, { itemId: "big", fraction: 0.2, points: 10, answered: true }] },
      { items: [{ itemId: "p", fraction: 0, points: 2, answered: true }, { itemId: "big", fraction: 0.6, points: 10, answered: true }] },
    ]);
    expect(weighted[0].difficulty).toBeCloseTo(0.5);
    // p = [0.5, 1, 0] vs rest = [10, 2, 6] → r = −0.5
    expect(weighted[0].discrimination).toBeCloseTo(-0.5);
  });
});

describe("summarizeScores", () => {
  it.each([
    [[], 60, { count: 0, mean: null, median: null, passRate: null }],
    [[50, 70, 90], 60, { count: 3, mean: 70, median: 70, passRate: 2 / 3 }],
    [[40, 60, 80, 100], 60, { count: 4, mean: 70, median: 70, passRate: 0.75 }],
    [[59.9], 60, { count: 1, mean: 59.9, median: 59.9, passRate: 0 }],
  ])("%j with pass mark %i", (percents, pass, expected) => {
    expect(summarizeScores(percents, pass)).toEqual(expected);
  });
});

describe("scoreDistribution", () => {
  it("puts 100 % into the last bin and the bin edges into the upper bin", () => {
    const bins = scoreDistribution([0, 9.9, 10, 55, 90, 100, 100]);
    expect(bins).toHaveLength(10);
    expect(bins.map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 3]);
    expect(bins[9]).toEqual({ from: 90, to: 100, count: 3 });
  });
});
