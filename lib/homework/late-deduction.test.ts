import { describe, expect, it } from "vitest";
import { type LatePolicySettings, lateDeduction, lateMinutesOf } from "./late-deduction";

const DAY = 24 * 60;
const deduct = (overrides: Partial<LatePolicySettings> = {}): LatePolicySettings => ({
  latePolicy: "DEDUCT",
  lateRate: 10,
  lateInterval: "DAY",
  lateMaxDeduction: null,
  lateFloor: null,
  ...overrides,
});

describe("lateDeduction (Canvas's rule)", () => {
  it.each([
    // label, settings, possible, raw, lateMinutes, expected points deducted
    ["on time", deduct(), 100, 90, 0, 0],
    ["1 minute late = one whole day", deduct(), 100, 90, 1, 10],
    ["exactly one day late = one day", deduct(), 100, 90, DAY, 10],
    ["one day and a minute = two days", deduct(), 100, 90, DAY + 1, 20],
    ["exactly three days", deduct(), 100, 90, 3 * DAY, 30],
    ["capped by the maximum deduction", deduct({ lateMaxDeduction: 50 }), 100, 90, 9 * DAY, 50],
    ["no maximum means at most 100 %", deduct({ lateRate: 40 }), 100, 100, 5 * DAY, 100],
    ["the floor stops the deduction above it", deduct({ lateFloor: 60 }), 100, 80, 5 * DAY, 20],
    ["raw below the floor → nothing deducted", deduct({ lateFloor: 60 }), 100, 50, 5 * DAY, 0],
    ["raw exactly at the floor → nothing deducted", deduct({ lateFloor: 60 }), 100, 60, 5 * DAY, 0],
    ["rate wins when smaller than max and floor", deduct({ lateMaxDeduction: 50, lateFloor: 20 }), 100, 90, 2 * DAY, 20],
    ["HOUR: 59 minutes = one hour", deduct({ lateRate: 5, lateInterval: "HOUR" }), 100, 90, 59, 5],
    ["HOUR: exactly 60 minutes = one hour", deduct({ lateRate: 5, lateInterval: "HOUR" }), 100, 90, 60, 5],
    ["HOUR: 61 minutes = two hours", deduct({ lateRate: 5, lateInterval: "HOUR" }), 100, 90, 61, 10],
    ["HOUR vs DAY for the same 3 hours", deduct({ lateRate: 5, lateInterval: "DAY" }), 100, 90, 180, 5],
    ["scales with the possible points", deduct(), 20, 18, 2 * DAY, 4],
    ["rounds to two decimals", deduct({ lateRate: 10 / 3 }), 10, 10, 1, 0.33],
    ["a zero score loses nothing", deduct(), 100, 0, 3 * DAY, 0],
    ["NONE never deducts", deduct({ latePolicy: "NONE" }), 100, 90, 10 * DAY, 0],
    ["REJECT never deducts", deduct({ latePolicy: "REJECT" }), 100, 90, 10 * DAY, 0],
    ["nothing possible, nothing deducted", deduct(), 0, 0, DAY, 0],
  ] as const)("%s", (_label, settings, possible, raw, lateMinutes, expected) => {
    expect(lateDeduction(settings, { possible, raw, lateMinutes })).toBe(expected);
  });
});

describe("lateMinutesOf", () => {
  const due = new Date("2026-10-08T16:00:00Z");
  it.each([
    ["early", -3_600_000, 0],
    ["exactly at the due time", 0, 0],
    ["one second late", 1000, 1],
    ["exactly one minute late", 60_000, 1],
    ["90 seconds late", 90_000, 2],
    ["one day late", 86_400_000, DAY],
  ])("%s → %i", (_label, offsetMs, minutes) => {
    expect(lateMinutesOf(new Date(due.getTime() + offsetMs), due)).toBe(minutes);
  });
});
