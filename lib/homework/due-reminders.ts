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
  const reminders: HomeworkReminder[] = [];
  for (const { course, submissions, extensions, ...homework } of due) {
    const excluded = [...submissions, ...extensions].map((row) => row.userId);
    const students = await db.courseMember.findMany({
      where: { courseId: homework.courseId, role: "STUDENT", userId: { notIn: excluded } },
      select: { userId: true },
    });
    reminders.push({ homework: { ...homework, courseTitle: course.title }, userIds: students.map((s) => s.userId) });
  }
  return reminders;
}
