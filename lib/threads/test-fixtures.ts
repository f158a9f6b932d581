// Builders shared by the note and thread tests (not imported by the app).
import { db } from "@/lib/db";
import { toErrorResult } from "@/lib/errors";
import { actorOf, makeSchool, makeUser } from "@/tests/factories";

/**
 * makeSchool() plus what after-class visibility depends on: 小组 A (student, student2) and B (student3), a student
 * without a group, a lesson with a de-identified case, and actors for everyone.
 */
export async function makeAfterClassSchool() {
  const school = await makeSchool();
  const { course } = school;
  const student3 = await makeUser("STUDENT");
  const loner = await makeUser("STUDENT");
  const groupA = await db.group.create({ data: { courseId: course.id, name: "第1组" } });
  const groupB = await db.group.create({ data: { courseId: course.id, name: "第2组" } });
  await db.courseMember.updateMany({ where: { courseId: course.id, userId: { in: [school.student.id, school.student2.id] } }, data: { groupId: groupA.id } });
  await db.courseMember.createMany({
    data: [
      { courseId: course.id, userId: student3.id, role: "STUDENT", groupId: groupB.id },
      { courseId: course.id, userId: loner.id, role: "STUDENT" },
    ],
  });
  const lesson = await db.lesson.create({
    data: { courseId: course.id, position: 0, title: "心脏检查：心音与杂音", startsAt: new Date("2026-09-07T00:00:00Z"), endsAt: new Date("2026-09-07T01:40:00Z") },
  });
  const clinicalCase = await db.clinicalCase.create({ data: { lessonId: lesson.id, title: "劳力性胸闷 2 月", deidentified: true } });
  const as = {
    author: actorOf(school.student),
    groupmate: actorOf(school.student2),
    otherGroup: actorOf(student3),
    loner: actorOf(loner),
    teacher: actorOf(school.teacher),
    assistant: actorOf(school.assistant),
    otherTeacher: actorOf(school.otherTeacher),
    outsider: actorOf(school.outsider),
    deptAdmin: actorOf(school.deptAdmin),
    admin: actorOf(school.admin),
  };
  return { ...school, student3, loner, groupA, groupB, lesson, clinicalCase, as };
}

export type AfterClassSchool = Awaited<ReturnType<typeof makeAfterClassSchool>>;
export type Who = keyof AfterClassSchool["as"];

/** A payload per XSS vector that must come out of the Markdown renderer inert. */
export const XSS_PAYLOADS = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "[click](javascript:alert(1))",
  '<a href="javascript:alert(1)">x</a>',
  "![x](javascript:alert(1))",
  '<svg onload="alert(1)"></svg>',
  '<iframe src="https://evil.example"></iframe>',
  "[x](JaVaScRiPt:alert(1))",
  '<div style="background:url(javascript:alert(1))" onclick="alert(1)">x</div>',
];

/** What the user would be shown for a failure: AppError and ZodError alike become `{ code, fieldErrors? }`. */
export async function failureOf(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    return toErrorResult(error);
  }
  throw new Error("expected the call to fail");
}
