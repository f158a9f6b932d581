// Builders shared by the feedback and plan tests (not imported by the app). Feedback rows are written directly:
// their form belongs to the pre-class feature, these tests only read them.
import { db } from "@/lib/db";
import { makeSchool, makeUser } from "@/tests/factories";

/** A school whose course has four students (two with class and group), and a lesson with two objectives. */
export async function makeFeedbackSchool() {
  const school = await makeSchool();
  const student3 = await makeUser("STUDENT", { name: "王三" });
  const student4 = await makeUser("STUDENT", { name: "赵四" });
  const group = await db.group.create({ data: { courseId: school.course.id, name: `第${student4.no}组` } });
  const cls = await db.class.create({ data: { name: `临床医学${student4.no}班` } });
  await db.user.update({ where: { id: student4.id }, data: { classId: cls.id } });
  await db.courseMember.createMany({
    data: [
      { courseId: school.course.id, userId: student3.id, role: "STUDENT" },
      { courseId: school.course.id, userId: student4.id, role: "STUDENT", groupId: group.id },
    ],
  });
  const lesson = await makeLessonWithObjectives(school.course.id, ["理解第三心音的产生机制", "掌握心脏杂音的分级"]);
  return { ...school, student3, student4, group, cls, lesson };
}

export async function makeLessonWithObjectives(courseId: string, objectives: string[]) {
  return db.lesson.create({
    data: {
      courseId,
      position: 0,
      title: "心脏检查：心音与杂音",
      startsAt: new Date("2026-10-12T00:00:00Z"),
      endsAt: new Date("2026-10-12T01:40:00Z"),
      objectives: { create: objectives.map((text, position) => ({ text, position })) },
    },
    include: { objectives: { orderBy: { position: "asc" } } },
  });
}

/** One student's feedback; `ratings` are confidences in the order of the lesson's objectives. */
export async function giveFeedback(
  lesson: { id: string; objectives: { id: string }[] },
  studentId: string,
  { ratings, unclear = "", questions = "" }: { ratings: number[]; unclear?: string; questions?: string },
) {
  return db.preClassFeedback.create({
    data: {
      lessonId: lesson.id,
      studentId,
      unclear,
      questions,
      ratings: { create: ratings.map((confidence, i) => ({ objectiveId: lesson.objectives[i].id, confidence })) },
    },
  });
}
