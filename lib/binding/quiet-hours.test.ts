import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clockToMinute, minuteToClock, quietHoursEnd, shanghaiMinuteOf } from "./quiet-hours";

/** An instant given as Shanghai wall-clock time (UTC+8, no daylight saving). */
const sh = (date: string, time: string) => new Date(`${date}T${time.length === 5 ? `${time}:00` : time}+08:00`);
const window = (start: string, end: string) => ({ quietStartMinute: clockToMinute(start)!, quietEndMinute: clockToMinute(end)! });
const DEFAULT = { quietStartMinute: 1320, quietEndMinute: 420 };

describe("quietHoursEnd", () => {
  it.each([
    ["before the window", "21:59:59", null],
    ["at its start", "22:00", sh("2026-11-26", "07:00")],
    ["late evening", "23:30", sh("2026-11-26", "07:00")],
    ["the last moment before midnight", "23:59:59.999", sh("2026-11-26", "07:00")],
    ["at midnight", "00:00", sh("2026-11-25", "07:00")],
    ["small hours", "03:17:42", sh("2026-11-25", "07:00")],
    ["the last moment of the window", "06:59:59.999", sh("2026-11-25", "07:00")],
    ["at its end (the end is not quiet)", "07:00", null],
    ["midday", "12:00", null],
  ])("default 22:00–07:00 (crossing midnight): %s", (_name, time, expected) => {
    expect(quietHoursEnd(DEFAULT, sh("2026-11-25", time))).toEqual(expected);
  });

  it.each([
    ["before", "11:59", null],
    ["at the start", "12:00", sh("2026-11-25", "14:00")],
    ["inside", "13:59:30", sh("2026-11-25", "14:00")],
    ["at the end", "14:00", null],
    ["after", "23:00", null],
  ])("a window within one day, 12:00–14:00: %s", (_name, time, expected) => {
    expect(quietHoursEnd(window("12:00", "14:00"), sh("2026-11-25", time))).toEqual(expected);
  });

  it.each([
    ["22:00–00:00 just before midnight", window("22:00", "00:00"), "23:59", sh("2026-11-26", "00:00")],
    ["22:00–00:00 at midnight", window("22:00", "00:00"), "00:00", null],
    ["00:00–07:00 at midnight", window("00:00", "07:00"), "00:00", sh("2026-11-25", "07:00")],
    ["00:00–07:00 just before midnight", window("00:00", "07:00"), "23:59", null],
    ["00:01–00:00 (all day but one minute) at noon", window("00:01", "00:00"), "12:00", sh("2026-11-26", "00:00")],
    ["00:01–00:00 in its one free minute", window("00:01", "00:00"), "00:00:30", null],
    ["23:59–00:00 in its one quiet minute", window("23:59", "00:00"), "23:59:01", sh("2026-11-26", "00:00")],
  ])("edges: %s", (_name, quiet, time, expected) => {
    expect(quietHoursEnd(quiet, sh("2026-11-25", time))).toEqual(expected);
  });

  it.each(["00:00", "07:00", "12:00", "22:00", "23:59"])("start = end (%s) means no quiet hours at any time", (clock) => {
    const quiet = window(clock, clock);
    for (let minute = 0; minute < 1440; minute += 7) {
      expect(quietHoursEnd(quiet, new Date(sh("2026-11-25", "00:00").getTime() + minute * 60_000))).toBeNull();
    }
  });

  it.each([
    ["the year", sh("2026-12-31", "23:00"), sh("2027-01-01", "07:00")],
    ["a leap day", sh("2028-02-28", "22:30"), sh("2028-02-29", "07:00")],
    ["the end of February", sh("2027-02-28", "22:30"), sh("2027-03-01", "07:00")],
  ])("carries over the end of %s", (_name, now, expected) => {
    expect(quietHoursEnd(DEFAULT, now)).toEqual(expected);
  });

  it("uses the Shanghai day, not the UTC day (23:30 in Shanghai is 15:30 UTC)", () => {
    const now = new Date("2026-03-01T15:30:00Z");
    expect(quietHoursEnd(DEFAULT, now)).toEqual(new Date("2026-03-01T23:00:00Z"));
  });

  it.each([
    ["Europe's spring change", "2026-03-29"],
    ["America's spring change", "2026-03-08"],
    ["Europe's autumn change", "2026-10-25"],
    ["America's autumn change", "2026-11-01"],
  ])("has no daylight saving around %s: the window is always exactly 9 hours", (_name, date) => {
    const start = sh(date, "22:00");
    expect(quietHoursEnd(DEFAULT, start)!.getTime() - start.getTime()).toBe(9 * 3600_000);
  });

  it("agrees with walking minute by minute, for any window and any instant", () => {
    const minuteArb = fc.integer({ min: 0, max: 1439 });
    const instantArb = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(minuteArb, minuteArb, instantArb, (start, end, now) => {
        const quiet = { quietStartMinute: start, quietEndMinute: end };
        const inWindow = (minute: number) =>
          start !== end && (start < end ? minute >= start && minute < end : minute >= start || minute < end);
        const result = quietHoursEnd(quiet, now);
        if (!inWindow(shanghaiMinuteOf(now))) return result === null;
        // The reference: the start of the first following minute that lies outside the window.
        let cursor = Math.floor(now.getTime() / 60_000) * 60_000;
        while (inWindow(shanghaiMinuteOf(new Date(cursor)))) cursor += 60_000;
        return result !== null && result.getTime() === cursor && shanghaiMinuteOf(result) === end;
      }),
      { numRuns: 400 },
    );
  });
});

describe("shanghaiMinuteOf", () => {
  it.each([
    ["1970-01-01T00:00:00Z", 480],
    ["2026-11-25T15:59:59Z", 1439],
    ["2026-11-25T16:00:00Z", 0],
    ["1969-12-31T15:59:00Z", 1439],
  ])("%s is minute %d in Shanghai", (iso, minute) => {
    expect(shanghaiMinuteOf(new Date(iso))).toBe(minute);
  });
});

describe("clock conversion", () => {
  it.each([
    ["00:00", 0],
    ["07:00", 420],
    ["22:00", 1320],
    ["23:59", 1439],
  ])("%s ⇄ %d", (clock, minute) => {
    expect(clockToMinute(clock)).toBe(minute);
    expect(minuteToClock(minute)).toBe(clock);
  });

  it.each(["24:00", "7:00", "07:60", "07:00:00", "", "ab:cd", " 07:00", "07:00\n"])("refuses %j", (clock) => {
    expect(clockToMinute(clock)).toBeNull();
  });
});
