// Builders shared by the evaluation tests (not imported by the app).
import { db } from "@/lib/db";
import { makeSchool, makeUser } from "@/tests/factories";
import { DEFAULT_EVALUATION_ITEMS } from "./schemas";

const HOUR = 3600_000;

/** makeSchool plus four more students in the course (six in all), enough for the five-response threshold. */
export async function makeEvaluationSchool() {
  const school = await makeSchool();
  const more = await Promise.all([1, 2, 3, 4].map((n) => makeUser("STUDENT", { name: `学生${n}` })));
  await db.courseMember.createMany({ data: more.map((user) => ({ courseId: school.course.id, userId: user.id, role: "STUDENT" as const })) });
  return { ...school, students: [school.student, school.student2, ...more] };
}

type Window = "open" | "not_open" | "closed";

/** An evaluation with the default items, written directly with the given window. */
export async function makeEvaluation(courseId: string, window: Window = "open", title = "课程评教") {
  const now = Date.now();
  const [opensAt, closesAt] = {
    open: [now - HOUR, now + HOUR],
    not_open: [now + HOUR, now + 2 * HOUR],
    closed: [now - 2 * HOUR, now - HOUR],
  }[window].map((ms) => new Date(ms));
  return db.evaluation.create({
    data: { courseId, title, items: DEFAULT_EVALUATION_ITEMS.map((item) => ({ ...item })), opensAt, closesAt },
  });
}

/** Ratings for every default item: the same value, or one per item in order. */
export const ratingsOf = (values: number | number[]) =>
  DEFAULT_EVALUATION_ITEMS.map((item, i) => ({ itemId: item.id, rating: Array.isArray(values) ? values[i] : values }));
