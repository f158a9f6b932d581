import { type Actor, authorizeLesson } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { type LessonRefInput, LessonRefSchema } from "./schemas";

/** Takes the package back to draft; students' answers and feedback are kept and come back with a new publication. */
export async function unpublishPackage(actor: Actor, input: LessonRefInput): Promise<{ lessonId: string }> {
  const data = LessonRefSchema.parse(input);
  await authorizeLesson(actor, data.lessonId, "course.edit");
  await db.preClassPackage.updateMany({
    where: { lessonId: data.lessonId, status: "PUBLISHED" },
    data: { status: "DRAFT", publishedAt: null },
  });
  return { lessonId: data.lessonId };
}
