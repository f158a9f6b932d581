import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf, makeSchool } from "@/tests/factories";
import { createLesson } from "./create-lesson";
import { deleteLesson } from "./delete-lesson";
import { moveLesson } from "./move-lesson";
import { getLessonForEdit } from "./queries";
import { lessonInput } from "./test-fixtures";
import { updateLesson } from "./update-lesson";

// Who may change a course's lessons: its teachers and admins. Everyone else is refused, and those who may not see
// the course at all learn nothing about it (not_found).
const CASES = [
  ["teacher", "allowed"],
  ["admin", "allowed"],
  ["assistant", "auth.forbidden"],
  ["deptAdmin", "auth.forbidden"],
  ["student", "auth.forbidden"],
  ["otherTeacher", "not_found"],
  ["otherDeptAdmin", "not_found"],
  ["outsider", "not_found"],
] as const;

type School = Awaited<ReturnType<typeof makeSchool>>;
type Who = (typeof CASES)[number][0];

const OPERATIONS: Record<string, (s: School, who: Who, lessonId: string) => Promise<unknown>> = {
  create: (s, who) => createLesson(actorOf(s[who]), lessonInput(s.course.id, { title: "新课次" })),
  update: (s, who, lessonId) => updateLesson(actorOf(s[who]), { ...lessonInput(s.course.id, { title: "改过" }), lessonId }),
  move: (s, who, lessonId) => moveLesson(actorOf(s[who]), { courseId: s.course.id, lessonId, direction: "up" }),
  delete: (s, who, lessonId) => deleteLesson(actorOf(s[who]), { courseId: s.course.id, lessonId }),
  "open the edit form": (s, who, lessonId) => getLessonForEdit(actorOf(s[who]), s.course.id, lessonId),
};

describe.each(Object.keys(OPERATIONS))("lesson authorization: %s", (operation) => {
  let s: School;
  beforeAll(async () => {
    s = await makeSchool();
  });

  it.each(CASES)("%s → %s", async (who, code) => {
    const teacher = actorOf(s.teacher);
    await createLesson(teacher, lessonInput(s.course.id, { title: "第一次" }));
    const lesson = await createLesson(teacher, lessonInput(s.course.id, { title: "第二次" }));
    const snapshot = () =>
      db.lesson.findMany({ where: { courseId: s.course.id }, orderBy: { id: "asc" }, select: { id: true, title: true, position: true } });
    const before = await snapshot();
    const run = OPERATIONS[operation](s, who, lesson.id);
    if (code === "allowed") {
      await run;
    } else {
      await expect(run).rejects.toMatchObject({ code });
      expect(await snapshot()).toEqual(before);
    }
    await db.lesson.deleteMany({ where: { courseId: s.course.id } });
  });
});
