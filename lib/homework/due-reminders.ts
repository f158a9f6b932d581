import { db } from "@/lib/db";

export interface HomeworkReminder {
  homework: { id: string; title: string; courseId: string; courseTitle: string; lessonId: string | null; dueAt: Date };
  /** The course's students who have not submitted and have no extension (theirs is due at another time). */
  userIds: string[];
}

/** Published homework due in (now, now + windowMs], with the students a deadline reminder is for. */
export async function homeworkDueForReminder(now: Date, windowMs: number): Promise<HomeworkReminder[]> {
  const due = await db.homework.findMany({
    where: { status: "PUBLISHED", dueAt: { gt: now, lte: new Date(now.getTime() + windowMs) } },
    select: {
      id: true,
      title: true,
      courseId: true,
      lessonId: true,
      dueAt: true,
      course: { select: { title: true } },
      submissions: { select: { userId: true } },
      extensions: { select: { userId: true } },
    },
  });
  // The students of every course concerned in one query, rather than one per homework.
  const members = await db.courseMember.findMany({
    where: { courseId: { in: [...new Set(due.map((homework) => homework.courseId))] }, role: "STUDENT" },
    select: { courseId: true, userId: true },
  });
  return due.map(({ course, submissions, extensions, ...homework }) => {
    const excluded = new Set([...submissions, ...extensions].map((row) => row.userId));
    const userIds = members.filter((m) => m.courseId === homework.courseId && !excluded.has(m.userId)).map((m) => m.userId);
    return { homework: { ...homework, courseTitle: course.title }, userIds };
  });
}
