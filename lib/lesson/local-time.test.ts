import { describe, expect, it } from "vitest";
import { isCalendarDate, lessonInterval, shanghaiInstant, shanghaiParts } from "./local-time";

describe("Shanghai local time", () => {
  it("converts wall-clock time to UTC+8 instants and back", () => {
    expect(shanghaiInstant("2026-09-07", "08:00").toISOString()).toBe("2026-09-07T00:00:00.000Z");
    expect(shanghaiInstant("2026-09-07", "07:30").toISOString()).toBe("2026-09-06T23:30:00.000Z");
    expect(shanghaiParts(new Date("2026-09-06T23:30:00.000Z"))).toEqual({ date: "2026-09-07", time: "07:30" });
    expect(shanghaiParts(new Date("2026-12-31T16:00:00.000Z"))).toEqual({ date: "2027-01-01", time: "00:00" });
  });

  it.each(["2026-02-29", "2026-02-30", "2026-13-01", "2026-9-7", "07/09/2026", ""])("rejects the date %j", (date) => {
    expect(isCalendarDate(date)).toBe(false);
  });

  it("accepts real days, leap days included", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-09-07")).toBe(true);
  });

  it("requires the end after the start", () => {
    expect(lessonInterval("2026-09-07", "08:00", "09:40")).toEqual({
      startsAt: new Date("2026-09-07T00:00:00.000Z"),
      endsAt: new Date("2026-09-07T01:40:00.000Z"),
    });
    expect(() => lessonInterval("2026-09-07", "08:00", "08:00")).toThrow(expect.objectContaining({ code: "lesson.ends_before_start" }));
    expect(() => lessonInterval("2026-09-07", "10:00", "08:00")).toThrow(expect.objectContaining({ code: "lesson.ends_before_start" }));
  });
});
