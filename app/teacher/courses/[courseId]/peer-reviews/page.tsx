import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/course/section-header";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { getCourseHeader } from "@/lib/course/queries";
import { orHttpError } from "@/lib/page-errors";
import { listPeerReviewsForCourse } from "@/lib/peer/list-peer-reviews";
import { newPeerReviewPath, teacherPeerReviewPath } from "@/lib/peer/paths";

const DATE_TIME = { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

/** The course's peer reviews: phase, deadlines, how many handed in and how many reviews are in. */
export default async function PeerReviewsPage({ params }: { params: Promise<{ courseId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId } = await params;
  const [course, items, t, format] = await Promise.all([
    orHttpError(getCourseHeader(actor, courseId)),
    orHttpError(listPeerReviewsForCourse(actor, courseId)),
    getTranslations("peer"),
    getFormatter(),
  ]);
  const canManage = course.access.actions.has("coursework.manage");
  return (
    <>
      <SectionHeader
        title={t("list.title")}
        actions={
          canManage && (
            <Link href={newPeerReviewPath(courseId)} data-testid="peer-new" className={buttonClass()}>
              + {t("list.new")}
            </Link>
          )
        }
      />
      <p className="mb-3 text-sm text-slate-600">{t("list.hint")}</p>
      {items.length === 0 ? (
        <Card>
          <p className="py-6 text-center text-sm text-slate-500">{t("list.empty")}</p>
        </Card>
      ) : (
        <ul data-testid="peer-list" className="space-y-2">
          {items.map((item) => (
            <li key={item.id}>
              <Link
                href={teacherPeerReviewPath(courseId, item.id)}
                data-testid="peer-row"
                className="flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm hover:border-brand-300"
              >
                <span className="font-medium">{item.title}</span>
                <Badge tone={item.phase === "CLOSED" ? "slate" : item.phase === "SETUP" ? "amber" : "blue"}>{t(`phase.${item.phase}`)}</Badge>
                {item.released && <Badge tone="green">{t("list.released")}</Badge>}
                <span className="ml-auto text-sm text-slate-600">
                  {t("list.counts", { submissions: item.submissions, done: item.reviewsDone, allocated: item.reviewsAllocated })}
                </span>
                {item.phase === "SUBMISSION" && item.submissionClosesAt && (
                  <span className="text-xs text-slate-500">{t("list.until", { time: format.dateTime(item.submissionClosesAt, DATE_TIME) })}</span>
                )}
                {item.phase === "ASSESSMENT" && item.assessmentClosesAt && (
                  <span className="text-xs text-slate-500">{t("list.until", { time: format.dateTime(item.assessmentClosesAt, DATE_TIME) })}</span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
