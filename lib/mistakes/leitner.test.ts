import { describe, expect, it } from "vitest";
import { LEITNER_BOXES, LEITNER_INTERVAL_DAYS, type LeitnerState, dueAfterDays, endOfShanghaiDay, isDue, nextLeitnerState } from "./leitner";

/** An instant given as Asia/Shanghai wall-clock time. */
const at = (local: string): Date => new Date(`${local.replace(" ", "T")}:00+08:00`);
const state = (box: number, dueAt: Date, extra: Partial<LeitnerState> = {}): LeitnerState => ({ box, dueAt, rightStreak: box - 1, masteredAt: null, ...extra });

describe("the Leitner schedule", () => {
  it("has five boxes coming back after 1, 2, 4, 8 and 16 days", () => {
    expect(LEITNER_BOXES).toBe(5);
    expect(LEITNER_INTERVAL_DAYS).toEqual([1, 2, 4, 8, 16]);
  });
});

describe("day boundaries in Asia/Shanghai", () => {
  it.each([
    ["just after midnight", "2026-09-10 00:00", "2026-09-11 00:00"],
    ["in the morning (still the previous UTC day)", "2026-09-10 07:59", "2026-09-11 00:00"],
    ["at 08:00 (midnight UTC)", "2026-09-10 08:00", "2026-09-11 00:00"],
    ["one minute before midnight", "2026-09-10 23:59", "2026-09-11 00:00"],
    ["on the last day of a month", "2026-09-30 23:30", "2026-10-01 00:00"],
    ["on the last day of a year", "2026-12-31 12:00", "2027-01-01 00:00"],
    ["on 28 February of a common year", "2027-02-28 09:00", "2027-03-01 00:00"],
  ])("ends the day %s at the next Shanghai midnight", (_label, now, end) => {
    expect(endOfShanghaiDay(at(now))).toEqual(at(end));
  });

  it("puts an item due at the start of the day n days on, whatever the hour it was answered", () => {
    expect(dueAfterDays(at("2026-09-10 23:59"), 1)).toEqual(at("2026-09-11 00:00"));
    expect(dueAfterDays(at("2026-09-11 00:00"), 1)).toEqual(at("2026-09-12 00:00"));
    expect(dueAfterDays(at("2026-09-10 00:01"), 2)).toEqual(at("2026-09-12 00:00"));
    expect(dueAfterDays(at("2026-09-10 06:00"), 16)).toEqual(at("2026-09-26 00:00"));
    expect(dueAfterDays(at("2026-09-10 18:00"), 0)).toEqual(at("2026-09-10 00:00"));
  });

  it("counts an item as due for the whole of its day and not a minute before", () => {
    expect(isDue(at("2026-09-11 00:00"), at("2026-09-10 23:59"))).toBe(false);
    expect(isDue(at("2026-09-11 00:00"), at("2026-09-11 00:00"))).toBe(true);
    // An item stored with an odd hour (imported, seeded) is due from the start of its day.
    expect(isDue(at("2026-09-11 15:00"), at("2026-09-11 09:00"))).toBe(true);
    expect(isDue(at("2026-09-01 00:00"), at("2026-09-11 09:00"))).toBe(true);
  });
});

describe("nextLeitnerState", () => {
  const now = at("2026-09-10 21:30");

  it("files a first wrong answer in box 1, due tomorrow", () => {
    expect(nextLeitnerState(null, false, now)).toEqual({ box: 1, dueAt: at("2026-09-11 00:00"), rightStreak: 0, masteredAt: null });
  });

  it("leaves a right answer to a question outside the book outside it", () => {
    expect(nextLeitnerState(null, true, now)).toBeNull();
  });

  it.each([1, 2, 3, 4])("moves a due item from box %i up one box, due after that box's interval", (box) => {
    const next = nextLeitnerState(state(box, at("2026-09-10 00:00")), true, now);
    expect(next).toEqual({ box: box + 1, dueAt: dueAfterDays(now, LEITNER_INTERVAL_DAYS[box]), rightStreak: box, masteredAt: null });
    expect(next?.dueAt).toEqual(at(["2026-09-12", "2026-09-14", "2026-09-18", "2026-09-26"][box - 1] + " 00:00"));
  });

  it("masters a due item in box 5: it stays in box 5 with its date and leaves the queue", () => {
    const dueAt = at("2026-09-09 00:00");
    expect(nextLeitnerState(state(5, dueAt), true, now)).toEqual({ box: 5, dueAt, rightStreak: 5, masteredAt: now });
  });

  it("returns only the schedule's fields when given a whole row", () => {
    const row = { ...state(5, at("2026-09-09 00:00")), id: "m1", userId: "u1", updatedAt: at("2026-09-01 00:00") };
    expect(Object.keys(nextLeitnerState(row, true, now) ?? {}).sort()).toEqual(["box", "dueAt", "masteredAt", "rightStreak"]);
  });

  it.each([1, 2, 3, 4, 5])("sends an item back to box 1 from box %i on a wrong answer, due or not", (box) => {
    const reset = { box: 1, dueAt: at("2026-09-11 00:00"), rightStreak: 0, masteredAt: null };
    expect(nextLeitnerState(state(box, at("2026-09-10 00:00")), false, now)).toEqual(reset);
    expect(nextLeitnerState(state(box, at("2026-09-20 00:00")), false, now)).toEqual(reset);
  });

  it("brings a mastered item back to box 1 when it is answered wrong again", () => {
    const mastered = state(5, at("2026-09-01 00:00"), { masteredAt: at("2026-09-01 10:00") });
    expect(nextLeitnerState(mastered, false, now)).toEqual({ box: 1, dueAt: at("2026-09-11 00:00"), rightStreak: 0, masteredAt: null });
  });

  it("changes nothing for a right answer before the item is due", () => {
    const early = state(2, at("2026-09-11 00:00"));
    expect(nextLeitnerState(early, true, at("2026-09-10 23:59"))).toBe(early);
    // Past midnight the same answer counts.
    expect(nextLeitnerState(early, true, at("2026-09-11 00:00"))).toMatchObject({ box: 3 });
  });

  it("changes nothing for a right answer to a mastered item", () => {
    const mastered = state(5, at("2026-09-01 00:00"), { masteredAt: at("2026-09-01 10:00") });
    expect(nextLeitnerState(mastered, true, now)).toBe(mastered);
  });

  it("masters an item after five right answers on its due days, 31 days after the last wrong one", () => {
    let current = nextLeitnerState(null, false, at("2026-09-01 20:00"));
    const days: string[] = [];
    for (let answer = 0; answer < LEITNER_BOXES && current && !current.masteredAt; answer++) {
      const answeredAt = new Date(current.dueAt.getTime() + 9 * 3600_000); // 09:00 on the due day
      days.push(answeredAt.toISOString().slice(0, 10));
      current = nextLeitnerState(current, true, answeredAt);
    }
    expect(days).toEqual(["2026-09-02", "2026-09-04", "2026-09-08", "2026-09-16", "2026-10-02"]);
    expect(current).toMatchObject({ box: 5, rightStreak: 5, masteredAt: at("2026-10-02 09:00") });
  });
});
