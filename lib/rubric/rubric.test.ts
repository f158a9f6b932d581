import { describe, expect, it } from "vitest";
import { criterionMapOf, rubricMaxPoints, rubricOf, rubricScore, scoredRubricOf, scoringShape } from "./rubric";
import { withIds } from "./with-ids";

// As homework stored its rubrics before criteria had a kind: no kind, no criterion description.
const LEGACY = [
  { id: "history", title: "病史归纳", levels: [{ id: "h-a", title: "优秀", description: "完整", points: 30 }, { id: "h-b", title: "需改进", points: 10 }] },
  { id: "plan", title: "诊疗计划", levels: [{ id: "p-a", title: "优秀", points: 20 }, { id: "p-b", title: "需改进", points: 5 }] },
];

describe("one rubric model for homework and peer review", () => {
  it("reads a stored rubric without kinds as levels criteria, and nothing else as a rubric", () => {
    const rubric = rubricOf(LEGACY)!;
    expect(rubric.map((c) => c.kind)).toEqual(["levels", "levels"]);
    expect(rubric[0]).toMatchObject({ description: "", levels: [{ id: "h-a", description: "完整" }, { id: "h-b", description: "" }] });
    expect(scoredRubricOf(LEGACY)).toEqual(rubric);
    for (const raw of [null, [], {}, [{ kind: "levels", id: "x", title: "t", levels: [] }]]) expect(rubricOf(raw)).toBeNull();
    expect(scoredRubricOf([{ kind: "comment", id: "advice", title: "建议" }])).toBeNull();
  });

  it("scores the top levels and the picks; an incomplete or foreign pick is no score; comment criteria score nothing", () => {
    const rubric = rubricOf([...LEGACY, { kind: "comment", id: "advice", title: "建议" }])!;
    expect(rubricMaxPoints(rubric)).toBe(50);
    expect(rubricScore(rubric, { history: "h-a", plan: "p-b" })).toBe(35);
    expect(rubricScore(rubric, { history: "h-a" })).toBeNull();
    expect(rubricScore(rubric, { history: "h-a", plan: "h-b" })).toBeNull();
  });

  it("gives missing and clashing ids new unique ones and keeps the rest", () => {
    const rubric = withIds([
      { id: "history", title: "病史", levels: [{ id: "a", title: "好", points: 2 }, { title: "差", points: 0 }] },
      { id: "history", title: "计划", levels: [{ id: "a", title: "好", points: 2 }, { title: "差", points: 0 }] },
      { kind: "comment", title: "建议" },
    ]);
    const ids = rubric.flatMap((c) => [c.id, ...(c.kind === "levels" ? c.levels.map((l) => l.id) : [])]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(rubric[0]).toMatchObject({ kind: "levels", id: "history", description: "", levels: [{ id: "a", description: "" }, {}] });
    expect(rubric[2]).toEqual({ kind: "comment", id: expect.any(String), title: "建议", description: "" });
  });

  it("tells a renamed rubric from a rescored one, whether or not it was stored with kinds", () => {
    const legacy = rubricOf(LEGACY);
    const renamed = withIds(LEGACY.map((c) => ({ ...c, title: `${c.title}（修订）` })));
    const rescored = withIds(LEGACY.map((c) => ({ ...c, levels: c.levels.map((l) => ({ ...l, points: l.points + 1 })) })));
    expect(scoringShape(renamed)).toBe(scoringShape(legacy));
    expect(scoringShape(rescored)).not.toBe(scoringShape(legacy));
  });

  it("reads stored picks and comments, leaving out what is not text", () => {
    expect(criterionMapOf({ history: "h-a", plan: 3 })).toEqual({ history: "h-a" });
    expect(criterionMapOf(null)).toEqual({});
    expect(criterionMapOf(["h-a"])).toEqual({});
  });
});
