import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { actorOf, makeCourse } from "@/tests/factories";
import { REFRESH_NOW_LIMIT, refreshAnalytics } from "./refresh-analytics";
import { NOW, makeAnalyticsSchool } from "./test-fixtures";

let s: Awaited<ReturnType<typeof makeAnalyticsSchool>>;
/** The department's courses, their figures computed longest ago first. */
let oldestFirst: string[];

beforeAll(async () => {
  s = await makeAnalyticsSchool();
  const more = [];
  for (let i = 0; i < REFRESH_NOW_LIMIT; i++) more.push(await makeCourse(s.dept.id));
  oldestFirst = [...more.map((course) => course.id), s.course.id];
  for (const [i, courseId] of oldestFirst.entries()) {
    await db.analyticsRefresh.create({ data: { courseId, asOf: new Date(Date.UTC(2026, 0, 1 + i)) } });
  }
});

const rebuiltAt = async (courseIds: string[]) =>
  (await db.analyticsRefresh.findMany({ where: { courseId: { in: courseIds } }, select: { asOf: true } })).map((row) => row.asOf.getTime() === NOW.getTime());

describe("refresh now over many courses", () => {
  it("rebuilds the most out-of-date courses in the request and the rest in the background", async () => {
    expect(oldestFirst.length).toBeGreaterThan(REFRESH_NOW_LIMIT);
    const result = await refreshAnalytics(actorOf(s.deptAdmin), {}, NOW);
    expect(result).toEqual({ courses: REFRESH_NOW_LIMIT, queued: oldestFirst.length - REFRESH_NOW_LIMIT });
    expect(await rebuiltAt(oldestFirst.slice(0, REFRESH_NOW_LIMIT))).toEqual(Array(REFRESH_NOW_LIMIT).fill(true));
    await vi.waitFor(async () => expect(await rebuiltAt(oldestFirst)).toEqual(Array(oldestFirst.length).fill(true)), { timeout: 20_000, interval: 100 });
    // Nothing of another department was touched.
    expect(await db.analyticsRefresh.count({ where: { courseId: s.otherCourse.id } })).toBe(0);
  });

  it("rebuilds one course in the request when the page shows one", async () => {
    expect(await refreshAnalytics(actorOf(s.teacher), { courseId: s.course.id }, new Date(NOW.getTime() + 60_000))).toEqual({ courses: 1, queued: 0 });
    expect((await db.analyticsRefresh.findUniqueOrThrow({ where: { courseId: s.course.id } })).asOf).toEqual(new Date(NOW.getTime() + 60_000));
  });
});
