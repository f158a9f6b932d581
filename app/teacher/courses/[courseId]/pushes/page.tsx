import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PushStatsList } from "@/components/push/push-stats-list";
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
  const [stats, t] = await Promise.all([orHttpError(getPushStats(actor, { courseId })), getTranslations("push.stats")]);
  return (
    <section className="space-y-4" aria-labelledby="push-stats-title">
      <div>
        <h2 id="push-stats-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("courseIntro")}</p>
      </div>
      <PushStatsList stats={stats} />
    </section>
  );
}
