import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/course/section-header";
import { Markdown } from "@/components/markdown";
import { BankFilters } from "@/components/qbank/bank-filters";
import { QuestionList } from "@/components/qbank/question-list";
import { Pager } from "@/components/threads/pager";
import { buttonClass } from "@/components/ui/button";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { bankExportPath, bankImportPath, bankNewPath, bankPath } from "@/lib/qbank/paths";
import { QUESTION_TYPES } from "@/lib/qbank/question-shapes";
import { listBankQuestions } from "@/lib/qbank/queries";

interface Props {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("qbank"))("title") };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// The course layout above renders the course title and tabs.
export default async function BankPage({ params, searchParams }: Props) {
  const actor = await requirePortal("teacher");
  const [{ courseId }, query] = await Promise.all([params, searchParams]);
  const bank = await orHttpError(
    listBankQuestions(actor, courseId, {
      type: first(query.type),
      tag: first(query.tag),
      difficulty: first(query.difficulty),
      q: first(query.q),
      source: first(query.source),
      caseId: first(query.caseId),
      archived: first(query.archived),
      page: first(query.page),
    }),
  );
  const t = await getTranslations("qbank");
  const { filter } = bank;
  const caseVignette = filter.caseId ? bank.items.find((q) => q.case?.id === filter.caseId)?.case?.vignette : undefined;
  const totalAll = QUESTION_TYPES.reduce((sum, type) => sum + bank.counts[type], 0);
  const chip = (active: boolean) =>
    `rounded-full px-3 py-1 text-sm ${active ? "bg-brand-600 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"}`;

  return (
    <>
      <SectionHeader
        title={`${t("title")} · ${t("list.total", { count: totalAll })}`}
        actions={
          <>
            <Link href={bankNewPath(courseId)} className={buttonClass("primary")} data-testid="bank-new">
              {t("list.new")}
            </Link>
            <Link href={bankImportPath(courseId)} className={buttonClass("secondary")} data-testid="bank-import">
              {t("list.import")}
            </Link>
            <a href={bankExportPath(courseId, "xlsx", filter)} className={buttonClass("ghost")} title={t("list.exportHint")} data-testid="bank-export-xlsx">
              {t("list.exportXlsx")}
            </a>
            <a href={bankExportPath(courseId, "xml", filter)} className={buttonClass("ghost")} title={t("list.exportHint")} data-testid="bank-export-xml">
              {t("list.exportXml")}
            </a>
          </>
        }
      />
      <BankFilters courseId={courseId} filter={filter} tags={bank.tags} />
      <nav aria-label={t("list.type")} className="mb-4 flex flex-wrap gap-2" data-testid="bank-type-counts">
        <Link href={bankPath(courseId, { ...filter, type: undefined, page: undefined })} className={chip(!filter.type)}>
          {t("list.allTypes")} {totalAll}
        </Link>
        {QUESTION_TYPES.map((type) => (
          <Link key={type} href={bankPath(courseId, { ...filter, type, page: undefined })} className={chip(filter.type === type)} data-type={type}>
            {t(`types.${type}`)} {bank.counts[type]}
          </Link>
        ))}
      </nav>
      {filter.caseId && (
        <section className="mb-4 rounded-xl border border-amber-200 bg-amber-50 p-3" data-testid="bank-case-banner">
          <h3 className="mb-1 text-sm font-semibold text-amber-900">{t("list.caseBanner")}</h3>
          {caseVignette && <Markdown source={caseVignette} className="text-sm" />}
          <div className="mt-2 flex flex-wrap gap-2">
            <Link href={bankNewPath(courseId, filter.caseId)} className={buttonClass("secondary")}>
              {t("list.addToCase")}
            </Link>
            <Link href={bankPath(courseId)} className={buttonClass("ghost")}>
              {t("list.clear")}
            </Link>
          </div>
        </section>
      )}
      {bank.items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-500" data-testid="bank-empty">
          {totalAll === 0 && !filter.q && !filter.tag && !filter.difficulty && !filter.archived ? t("list.empty") : t("list.emptyFiltered")}
        </p>
      ) : (
        <QuestionList courseId={courseId} items={bank.items} />
      )}
      <Pager
        page={filter.page}
        pageCount={bank.pageCount}
        hrefOf={(page) => bankPath(courseId, { ...filter, page })}
        labels={{ nav: t("list.page", { page: filter.page, pages: bank.pageCount }), prev: t("list.prev"), next: t("list.next"), status: t("list.page", { page: filter.page, pages: bank.pageCount }) }}
      />
    </>
  );
}
