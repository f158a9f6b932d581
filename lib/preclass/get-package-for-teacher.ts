import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { getLessonContext } from "@/lib/lesson/lesson-context";
import { ensurePackage } from "./package-row";

/** Everything the prep page edits: the lesson and its objectives, the package, its attachments and the case. */
export async function getPackageForTeacher(actor: Actor, lessonId: string) {
  const lesson = await getLessonContext(actor, lessonId, "course.edit");
  const pkg = await ensurePackage(db, lesson.id);
  const [attachments, clinicalCase, feedbackCount] = await Promise.all([
    db.attachment.findMany({
      where: { packageId: pkg.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, fileName: true, mimeType: true, size: true, createdAt: true },
    }),
    db.clinicalCase.findUnique({
      where: { lessonId: lesson.id },
      select: {
        id: true,
        title: true,
        deidentified: true,
        stages: {
          orderBy: { position: "asc" },
          select: { id: true, title: true, content: true, question: true, _count: { select: { answers: true } } },
        },
      },
    }),
    db.preClassFeedback.count({ where: { lessonId: lesson.id } }),
  ]);
  return {
    lesson,
    package: {
      id: pkg.id,
      material: pkg.material,
      status: pkg.status,
      opensAt: pkg.opensAt,
      closesAt: pkg.closesAt,
      publishedAt: pkg.publishedAt,
    },
    attachments,
    case: clinicalCase && {
      ...clinicalCase,
      stages: clinicalCase.stages.map(({ _count, ...stage }) => ({ ...stage, answerCount: _count.answers })),
    },
    feedbackCount,
  };
}

export type TeacherPackage = Awaited<ReturnType<typeof getPackageForTeacher>>;
