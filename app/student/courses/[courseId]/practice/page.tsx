import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { PracticeOverview } from "@/components/practice/practice-overview";
import { QuestionRunner } from "@/components/practice/question-runner";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePortal } from "@/lib/auth/session";
import { studentCoursePath } from "@/lib/course/paths";
import { MISTAKES_PATH } from "@/lib/mistakes/paths";
import { orHttpError } from "@/lib/page-errors";
import { getPracticeOverview } from "@/lib/practice/get-practice-overview";
import { nextPracticeQuestion } from "@/lib/practice/next-practice-question";
import { type PracticeFilter, practiceFilterOf } from "@/lib/practice/schemas";

interface Props {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<{ mode?: string | string[]; tag?: string | string[] }>;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("practice"))("title") };
}

/** 自测练习: without a filter the topics to choose from; with one (?mode=all|weak, ?tag=…) one question at a time. */
export default async function StudentPracticePage({ params, searchParams }: Props) {
  const actor = await requirePortal("student");
  const [{ courseId }, search, t] = await Promise.all([params, searchParams, getTranslations("practice")]);
  const filter = practiceFilterOf(search);

  if (!filter) {
    const overview = await orHttpError(getPracticeOverview(actor, courseId));
    return (
      <>
        <Link href={studentCoursePath(courseId)} className="mb-2 inline-block text-sm text-brand-700">
          ← {overview.course.title}
        </Link>
        <PageHeader title={t("title")} />
        <PracticeOverview overview={overview} />
        <Link href={MISTAKES_PATH} data-testid="practice-to-mistakes" className="mt-4 block text-center text-sm text-brand-700">
          {t("toMistakes")} →
        </Link>
      </>
    );
  }

  const next = await orHttpError(nextPracticeQuestion(actor, { courseId, filter }));
  return (
    <>
      <Link href={studentCoursePath(courseId, "practice")} className="mb-2 inline-block text-sm text-brand-700">
        ← {t("backToTags")}
      </Link>
      <PageHeader
        title={filterTitle(filter, next.weakTags, t)}
        subtitle={next.total > 0 ? t("run.progress", { seen: next.seen, total: next.total }) : next.course.title}
      />
      {next.question ? (
        <ClientMessages namespaces={["practice"]}>
          <QuestionRunner key={next.question.id} question={next.question} target={{ kind: "practice", courseId }} />
        </ClientMessages>
      ) : (
        <Card>
          <p data-testid="practice-none" className="py-6 text-center text-sm text-slate-600">
            {filter.kind === "weak" ? t("run.noWeak") : t("run.noQuestions")}
          </p>
        </Card>
      )}
    </>
  );
}

function filterTitle(filter: PracticeFilter, weakTags: string[], t: Awaited<ReturnType<typeof getTranslations<"practice">>>): string {
  switch (filter.kind) {
    case "all":
      return t("run.filterAll");
    case "weak":
      return t("run.filterWeak", { tags: weakTags.join("、") });
    case "tag":
      return t("run.filterTag", { tag: filter.tag });
  }
}
