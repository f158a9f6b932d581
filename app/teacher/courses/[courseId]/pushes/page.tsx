import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PushStatsSection } from "@/components/push/push-stats-section";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { getPushStats } from "@/lib/push/get-push-stats";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("push.stats"))("title") };
}

/** Every WeChat push of the course: the lessons' and the after-class ones (quizzes, homework, peer review). */
export default async function CoursePushesPage({ params }: { params: Promise<{ courseId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId } = await params;
  return <PushStatsSection stats={await orHttpError(getPushStats(actor, { courseId }))} scope="course" />;
}
