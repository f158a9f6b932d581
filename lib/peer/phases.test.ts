import { describe, expect, it } from "vitest";
import { aliasAt, nextAlias } from "./activity";
import { datesInOrder, duePhase, transitionOf } from "./phases";
import type { PeerPhase } from "./schemas";

describe("transitionOf", () => {
  it.each<[PeerPhase, PeerPhase, boolean, string | null]>([
    ["SETUP", "SUBMISSION", false, "forward"],
    ["SUBMISSION", "ASSESSMENT", true, "forward"],
    ["ASSESSMENT", "GRADING", true, "forward"],
    ["GRADING", "CLOSED", true, "forward"],
    ["SUBMISSION", "SETUP", false, "back"],
    ["SUBMISSION", "SETUP", true, null],
    ["ASSESSMENT", "SUBMISSION", true, "back"],
    ["GRADING", "ASSESSMENT", true, "back"],
    ["CLOSED", "GRADING", true, "back"],
    ["SETUP", "ASSESSMENT", false, null],
    ["SUBMISSION", "GRADING", true, null],
    ["CLOSED", "SETUP", false, null],
    ["ASSESSMENT", "ASSESSMENT", true, null],
  ])("%s → %s (submissions: %s): %s", (from, to, hasSubmissions, expected) => {
    expect(transitionOf(from, to, { hasSubmissions })).toBe(expected);
  });
});

describe("duePhase", () => {
  const at = (iso: string) => new Date(iso);
  const schedule = { submissionOpensAt: at("2030-03-01T00:00:00Z"), submissionClosesAt: at("2030-03-05T00:00:00Z"), assessmentClosesAt: at("2030-03-08T00:00:00Z") };
  it.each<[PeerPhase, string, PeerPhase | null]>([
    ["SETUP", "2030-02-28T23:59:00Z", null],
    ["SETUP", "2030-03-01T00:00:00Z", "SUBMISSION"],
    ["SUBMISSION", "2030-03-04T00:00:00Z", null],
    ["SUBMISSION", "2030-03-05T00:00:00Z", "ASSESSMENT"],
    ["ASSESSMENT", "2030-03-09T00:00:00Z", "GRADING"],
    ["GRADING", "2031-01-01T00:00:00Z", null],
    ["CLOSED", "2031-01-01T00:00:00Z", null],
  ])("%s at %s → %s", (phase, now, expected) => {
    expect(duePhase({ phase, ...schedule }, at(now))).toBe(expected);
  });

  it("a phase without a date waits for the teacher", () => {
    expect(duePhase({ phase: "SUBMISSION", submissionOpensAt: null, submissionClosesAt: null, assessmentClosesAt: null }, new Date())).toBeNull();
  });
});

describe("datesInOrder", () => {
  const d = (day: number) => new Date(Date.UTC(2030, 2, day));
  it.each([
    [[d(1), d(2), d(3)], true],
    [[null, d(2), d(3)], true],
    [[d(1), null, d(3)], true],
    [[null, null, null], true],
    [[d(2), d(1), null], false],
    [[d(1), null, d(1)], false],
  ])("%j → %s", (dates, expected) => {
    expect(datesInOrder(dates)).toBe(expected);
  });
});

describe("aliases", () => {
  it("run A … Z, then AA, AB …", () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(aliasAt)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA"]);
  });

  it("continue after the highest in use, ignoring non-peer aliases", () => {
    expect(nextAlias([])).toBe("A");
    expect(nextAlias(["A", "C", "SELF"])).toBe("D");
    expect(nextAlias(["Z"])).toBe("AA");
  });
});
