import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PushStatsSection } from "@/components/push/push-stats-section";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { getPushStats } from "@/lib/push/get-push-stats";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("push.stats"))("title") };
}

// The lesson layout above renders the lesson header and tabs; getPushStats lets staff only (students: 403).
export default async function LessonPushesPage({ params }: { params: Promise<{ lessonId: string }> }) {
  const actor = await requirePortal("teacher");
  const { lessonId } = await params;
  return <PushStatsSection stats={await orHttpError(getPushStats(actor, { lessonId }))} scope="lesson" />;
}
