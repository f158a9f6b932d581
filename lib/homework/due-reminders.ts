import { db } from "@/lib/db";

export interface HomeworkReminder {
  homework: { id: string; title: string; courseId: string; courseTitle: string; lessonId: string | null };
  /** The due time this reminder is for: the homework's, or that of the students' extension. */
  dueAt: Date;
  /** The course's students due at that time who have not submitted. */
  userIds: string[];
}

/**
 * The deadline reminders due now: for published homework, each student who has not submitted and whose own due time
 * (their extension's, else the homework's) falls in (now, now + windowMs], grouped by homework and due time. A
 * student with an extension is reminded of their date, never of the course's.
 */
export async function homeworkDueForReminder(now: Date, windowMs: number): Promise<HomeworkReminder[]> {
  const window = { gt: now, lte: new Date(now.getTime() + windowMs) };
  const due = await db.homework.findMany({
    where: { status: "PUBLISHED", OR: [{ dueAt: window }, { extensions: { some: { dueAt: window } } }] },
    select: {
      id: true,
      title: true,
      courseId: true,
      lessonId: true,
      dueAt: true,
      course: { select: { title: true } },
      submissions: { select: { userId: true } },
      extensions: { select: { userId: true, dueAt: true } },
    },
  });
  // The students of every course concerned in one query, rather than one per homework.
  const members = await db.courseMember.findMany({
    where: { courseId: { in: [...new Set(due.map((homework) => homework.courseId))] }, role: "STUDENT" },
    select: { courseId: true, userId: true },
  });
  return due.flatMap(({ course, submissions, extensions, dueAt, ...homework }) => {
    const submitted = new Set(submissions.map((row) => row.userId));
    const extended = new Map(extensions.map((row) => [row.userId, row.dueAt]));
    const byDueTime = new Map<number, string[]>();
    for (const { userId } of members.filter((m) => m.courseId === homework.courseId && !submitted.has(m.userId))) {
      const own = extended.get(userId) ?? dueAt;
      if (own <= window.gt || own > window.lte) continue;
      byDueTime.set(own.getTime(), [...(byDueTime.get(own.getTime()) ?? []), userId]);
    }
    return [...byDueTime].map(([time, userIds]) => ({ homework: { ...homework, courseTitle: course.title }, dueAt: new Date(time), userIds }));
  });
}
