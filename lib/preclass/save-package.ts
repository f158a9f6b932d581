import { type Actor, authorizeLesson } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { ensurePackage } from "./package-row";
import { writeCase } from "./write-case";
import { type SavePackageInput, SavePackageSchema } from "./schemas";

/**
 * Saves the preview material and, when given, the case, in one transaction (the prep form saves both at once).
 * Allowed after publishing too: teachers fix typos; students keep their answers.
 */
export async function savePackage(
  actor: Actor,
  input: SavePackageInput,
): Promise<{ lessonId: string; packageId: string; stageIds?: string[] }> {
  const data = SavePackageSchema.parse(input);
  await authorizeLesson(actor, data.lessonId, "course.edit");
  return db.$transaction(async (tx) => {
    const pkg = await ensurePackage(tx, data.lessonId);
    await tx.preClassPackage.update({ where: { id: pkg.id }, data: { material: data.material } });
    const stageIds = data.case === undefined ? undefined : await writeCase(tx, data.lessonId, data.case, pkg.status === "PUBLISHED");
    return { lessonId: data.lessonId, packageId: pkg.id, stageIds };
  });
}
