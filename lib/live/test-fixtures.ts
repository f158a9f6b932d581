// Builders shared by the live tests (not imported by the app).
import { db } from "@/lib/db";
import { actorOf, makeSchool } from "@/tests/factories";
import { resetLiveRateLimits } from "./rate-limit";

/** makeSchool() with a lesson running now, and the school's people as actors. */
export async function makeLiveSchool() {
  const school = await makeSchool();
  const now = Date.now();
  const lesson = await db.lesson.create({
    data: {
      courseId: school.course.id,
      position: 0,
      title: "心脏检查：心音与杂音",
      startsAt: new Date(now - 10 * 60_000),
      endsAt: new Date(now + 90 * 60_000),
    },
  });
  const as = {
    teacher: actorOf(school.teacher),
    assistant: actorOf(school.assistant),
    otherTeacher: actorOf(school.otherTeacher),
    student: actorOf(school.student),
    student2: actorOf(school.student2),
    outsider: actorOf(school.outsider),
    deptAdmin: actorOf(school.deptAdmin),
    admin: actorOf(school.admin),
  };
  return { ...school, lesson, as };
}

/** Each test starts with fresh rate-limit windows (they are per process, not per database). */
export const freshLimits = () => resetLiveRateLimits();

export const discussion = (lessonId: string, overrides: Record<string, unknown> = {}) => ({
  lessonId,
  kind: "DISCUSSION" as const,
  prompt: "这位患者的心尖区杂音提示什么？",
  ...overrides,
});

export const poll = (lessonId: string, overrides: Record<string, unknown> = {}) => ({
  lessonId,
  kind: "POLL_SINGLE" as const,
  prompt: "最可能的诊断是？",
  options: ["二尖瓣狭窄", "二尖瓣关闭不全", "主动脉瓣狭窄"],
  ...overrides,
});
