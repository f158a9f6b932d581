import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { QuestionRunner } from "@/components/practice/question-runner";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePortal } from "@/lib/auth/session";
import { nextReviewItem } from "@/lib/mistakes/next-review-item";
import { MISTAKES_PATH } from "@/lib/mistakes/paths";
import { orHttpError } from "@/lib/page-errors";

interface Props {
  searchParams: Promise<{ course?: string | string[] }>;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("practice.review"))("title") };
}

/** Today's due items one by one (optionally of one course, ?course=…), answered like practice. */
export default async function MistakeReviewPage({ searchParams }: Props) {
  const actor = await requirePortal("student");
  const [{ course }, t, tm] = await Promise.all([searchParams, getTranslations("practice.review"), getTranslations("practice.mistakes")]);
  const { item, remaining } = await orHttpError(nextReviewItem(actor, { courseId: Array.isArray(course) ? course[0] : course }));
  return (
    <>
      <Link href={MISTAKES_PATH} className="mb-2 inline-block text-sm text-brand-700">
        ← {t("backToBook")}
      </Link>
      <PageHeader title={t("title")} subtitle={item ? <span data-testid="review-remaining">{t("remaining", { count: remaining })}</span> : undefined} />
      {item ? (
        <div className="space-y-3">
          <div className="flex flex-wrap items-center gap-1.5 text-sm">
            <span className="font-medium text-slate-700">{item.course.title}</span>
            <Badge>{tm("box", { box: item.box })}</Badge>
            <Badge tone="red">{t("wrongBefore", { count: item.wrongCount })}</Badge>
          </div>
          <ClientMessages namespaces={["practice"]}>
            <QuestionRunner key={item.itemId} question={item.question} target={{ kind: "review", itemId: item.itemId }} />
          </ClientMessages>
        </div>
      ) : (
        <Card>
          <p data-testid="review-done" className="py-6 text-center text-sm text-slate-600">
            {t("done")}
          </p>
          <Link href={MISTAKES_PATH} className="block text-center text-sm text-brand-700">
            {t("backToBook")} →
          </Link>
        </Card>
      )}
    </>
  );
}
