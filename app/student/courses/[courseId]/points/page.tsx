import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PointsHistory } from "@/components/points/points-history";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePortal } from "@/lib/auth/session";
import { studentCoursePath } from "@/lib/course/paths";
import { orHttpError } from "@/lib/page-errors";
import { getMyPoints } from "@/lib/points/get-my-points";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("points"))("title") };
}

export default async function StudentPointsPage({ params }: { params: Promise<{ courseId: string }> }) {
  const actor = await requirePortal("student");
  const { courseId } = await params;
  const [points, t] = await Promise.all([orHttpError(getMyPoints(actor, courseId)), getTranslations("points")]);
  return (
    <>
      <Link href={studentCoursePath(points.courseId)} className="mb-2 inline-block text-sm text-brand-700">
        ← {points.courseTitle}
      </Link>
      <PageHeader title={t("title")} />
      {points.enabled ? (
        <PointsHistory total={points.total} awards={points.awards} />
      ) : (
        <Card>
          <p data-testid="points-disabled" className="py-6 text-center text-sm text-slate-600">
            {t("disabled")}
          </p>
        </Card>
      )}
    </>
  );
}
