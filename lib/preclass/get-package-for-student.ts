import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { revealedCountOf } from "./reveal";
import { authorizeEnrolledStudent } from "./student-access";
import { windowStateOf } from "./window";

export interface RevealedStage {
  id: string;
  title: string;
  content: string;
  question: string | null;
  /** This student's answer, null when not answered yet. */
  answer: string | null;
}

export interface StudentCase {
  title: string;
  /** How many stages the case has in all (the later ones are not sent). */
  stageCount: number;
  stages: RevealedStage[];
}

export type StudentPackage =
  | { state: "unpublished" }
  | { state: "not_open"; opensAt: Date; closesAt: Date }
  | {
      state: "open" | "closed";
      opensAt: Date;
      closesAt: Date;
      material: string;
      attachments: { id: string; fileName: string; mimeType: string; size: number }[];
      case: StudentCase | null;
    };

/**
 * The package as one enrolled student sees it. Nothing of a draft or not-yet-open package is returned. Of the case,
 * only the stages up to the first unanswered question leave the server; later stages are not sent at all.
 */
export async function getPackageForStudent(actor: Actor, lessonId: string): Promise<StudentPackage> {
  await authorizeEnrolledStudent(actor, lessonId);
  const pkg = await db.preClassPackage.findUnique({
    where: { lessonId },
    select: { id: true, status: true, opensAt: true, closesAt: true, material: true },
  });
  const state = windowStateOf(pkg);
  if (state === "unpublished" || !pkg?.opensAt || !pkg.closesAt) return { state: "unpublished" };
  if (state === "not_open") return { state, opensAt: pkg.opensAt, closesAt: pkg.closesAt };

  const [attachments, clinicalCase] = await Promise.all([
    db.attachment.findMany({
      where: { packageId: pkg.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, fileName: true, mimeType: true, size: true },
    }),
    db.clinicalCase.findFirst({
      // Only a case confirmed as de-identified ever reaches students.
      where: { lessonId, deidentified: true },
      select: {
        title: true,
        stages: {
          orderBy: { position: "asc" },
          select: {
            id: true,
            title: true,
            content: true,
            question: true,
            answers: { where: { studentId: actor.id }, select: { answer: true } },
          },
        },
      },
    }),
  ]);

  let revealedCase: StudentCase | null = null;
  if (clinicalCase) {
    const stages = clinicalCase.stages.map(({ answers, ...stage }) => ({ ...stage, answer: answers[0]?.answer ?? null }));
    const answered = new Set(stages.filter((stage) => stage.answer !== null).map((stage) => stage.id));
    revealedCase = {
      title: clinicalCase.title,
      stageCount: stages.length,
      stages: stages.slice(0, revealedCountOf(stages, answered)),
    };
  }
  return { state, opensAt: pkg.opensAt, closesAt: pkg.closesAt, material: pkg.material, attachments, case: revealedCase };
}
