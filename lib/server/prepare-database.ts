import { initDb } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { seedDemoSchool } from "@/lib/demo/seed";

/** Start-up: apply pending migrations, then seed the demo school if asked and the database has no users. */
export async function prepareDatabase({ seedDemo }: { seedDemo: boolean }) {
  const { prisma, backend } = initDb();
  const { applied } = await migrate(prisma);
  let seeded = false;
  if (seedDemo && (await prisma.user.count()) === 0) {
    await seedDemoSchool(prisma);
    seeded = true;
  }
  return { backend, applied, seeded };
}
