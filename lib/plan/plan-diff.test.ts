import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DiffRow, countChangedLines, diffPlans } from "./plan-diff";

const row = (kind: "same" | "added" | "removed", ...segments: (string | [string])[]): DiffRow => ({
  kind,
  segments: segments.map((s) => (typeof s === "string" ? { text: s, changed: false } : { text: s[0], changed: true })),
});

/** The text of one side, read back from the rows (only valid when no unchanged lines were skipped). */
const sideOf = (rows: DiffRow[], side: "removed" | "added") =>
  rows
    .filter((r) => r.kind === "same" || r.kind === side)
    .map((r) => (r.kind === "skip" ? "" : r.segments.map((s) => s.text).join("")))
    .join("\n");

describe("diffPlans", () => {
  it("marks rewritten words inside changed lines and whole new lines", () => {
    const before = "# 教案\n\n第三心音讲解 10 分钟\n病例讨论\n";
    const after = "# 教案\n\n第三心音讲解 20 分钟\n播放听诊音频\n病例讨论";
    expect(diffPlans(before, after)).toEqual({
      rows: [
        row("same", "# 教案"),
        row("same", ""),
        row("removed", "第三心音讲解 ", ["10"], " 分钟"),
        row("added", "第三心音讲解 ", ["20"], " 分钟"),
        row("added", ["播放听诊音频"]),
        row("same", "病例讨论"),
      ],
      added: 2,
      removed: 1,
    });
  });

  it("highlights Chinese words without spaces around them", () => {
    const { rows } = diffPlans("1. 正常心音（20 分钟）\n", "1. 正常心音与第三心音（35 分钟）\n");
    expect(rows).toEqual([
      row("removed", "1. 正常心音（", ["20"], " 分钟）"),
      row("added", "1. 正常心音", ["与第三心音"], "（", ["35"], " 分钟）"),
    ]);
  });

  it("shows removed lines, and keeps three unchanged lines around changes", () => {
    const lines = Array.from({ length: 20 }, (_, i) => `第${i + 1}行`);
    const after = [...lines.slice(0, 10), ...lines.slice(11)].join("\n");
    const { rows, added, removed } = diffPlans(lines.join("\n"), after);
    expect({ added, removed }).toEqual({ added: 0, removed: 1 });
    expect(rows).toEqual([
      { kind: "skip", lines: 7 },
      row("same", "第8行"),
      row("same", "第9行"),
      row("same", "第10行"),
      row("removed", ["第11行"]),
      row("same", "第12行"),
      row("same", "第13行"),
      row("same", "第14行"),
      { kind: "skip", lines: 6 },
    ]);
  });

  it("treats a missing newline at the end as no change", () => {
    expect(diffPlans("a\nb", "a\nb\n")).toEqual({ rows: [{ kind: "skip", lines: 2 }], added: 0, removed: 0 });
    expect(countChangedLines("a\nb", "a\nb\nc")).toEqual({ added: 1, removed: 0 });
  });

  it("compares the first version with an empty plan", () => {
    expect(diffPlans("", "一\n二")).toEqual({ rows: [row("added", ["一"]), row("added", ["二"])], added: 2, removed: 0 });
  });

  it("gives back both versions exactly, line for line", () => {
    // Up to four lines, so that no unchanged stretch is long enough to be skipped.
    const doc = fc.array(fc.stringMatching(/^[ab 心音\t]{0,6}$/), { maxLength: 4 }).map((lines) => lines.join("\n"));
    fc.assert(
      fc.property(doc, doc, (before, after) => {
        const diff = diffPlans(before, after);
        expect(sideOf(diff.rows, "removed")).toBe(before.replace(/\n$/, ""));
        expect(sideOf(diff.rows, "added")).toBe(after.replace(/\n$/, ""));
        expect({ added: diff.added, removed: diff.removed }).toEqual(countChangedLines(before, after));
      }),
      { numRuns: 300 },
    );
  });
});
