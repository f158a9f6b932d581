import { redirect } from "next/navigation";
import { requirePortal } from "@/lib/auth/session";
import { getLessonContext } from "@/lib/lesson/lesson-context";
import { lessonPhase } from "@/lib/lesson/phase";
import { orHttpError } from "@/lib/page-errors";

const TAB = { PRE: "pre", IN: "live", POST: "after" } as const;

/** A lesson opens on the tab of its current phase. */
export default async function StudentLessonPage({ params }: { params: Promise<{ lessonId: string }> }) {
  const actor = await requirePortal("student");
  const lesson = await orHttpError(getLessonContext(actor, (await params).lessonId));
  redirect(`/student/lessons/${lesson.id}/${TAB[lessonPhase(lesson)]}`);
}
