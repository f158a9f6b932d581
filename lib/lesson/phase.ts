/** 课前 before the lesson starts, 课中 while it runs, 课后 after it ends. */
export type LessonPhase = "PRE" | "IN" | "POST";

export function lessonPhase(lesson: { startsAt: Date; endsAt: Date }, now = new Date()): LessonPhase {
  if (now < lesson.startsAt) return "PRE";
  if (now < lesson.endsAt) return "IN";
  return "POST";
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** [start, end) of the Asia/Shanghai calendar day containing `now`, as UTC instants. */
export function shanghaiDayRange(now = new Date()): { start: Date; end: Date } {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const start = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - SHANGHAI_OFFSET_MS;
  return { start: new Date(start), end: new Date(start + 86_400_000) };
}
