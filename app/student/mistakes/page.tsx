import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MistakeCourseCard } from "@/components/practice/mistake-course-card";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePortal } from "@/lib/auth/session";
import { MISTAKE_FILTERS, MISTAKE_LIST_LIMIT, listMistakes, mistakeFilterOf } from "@/lib/mistakes/list-mistakes";
import { MISTAKES_PATH, REVIEW_PATH } from "@/lib/mistakes/paths";

interface Props {
  searchParams: Promise<{ filter?: string | string[] }>;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("practice.mistakes"))("title") };
}

/** 错题本: today's review, the items of every course by filter, and each course's weak tags. */
export default async function MistakeBookPage({ searchParams }: Props) {
  const actor = await requirePortal("student");
  const [{ filter: raw }, t] = await Promise.all([searchParams, getTranslations("practice.mistakes")]);
  const book = await listMistakes(actor, mistakeFilterOf(Array.isArray(raw) ? raw[0] : raw));
  const { counts } = book;
  const countOf = { due: counts.due, all: counts.active + counts.mastered, mastered: counts.mastered };
  const shownItems = book.groups.some((group) => group.items.length > 0);

  return (
    <>
      <PageHeader title={t("title")} subtitle={<span data-testid="mistake-summary">{t("summary", { due: counts.due, active: counts.active })}</span>} />
      <div className="space-y-4">
        {counts.due > 0 ? (
          <Link href={REVIEW_PATH} data-testid="mistake-review" className={buttonClass("primary", "min-h-11 w-full")}>
            {t("review", { count: counts.due })}
          </Link>
        ) : (
          <p className="rounded-lg bg-emerald-50 px-3 py-2 text-center text-sm text-emerald-800">{t("nothingDue")}</p>
        )}
        <nav className="flex gap-1 rounded-lg bg-slate-100 p-1" aria-label={t("title")}>
          {MISTAKE_FILTERS.map((filter) => (
            <Link
              key={filter}
              href={filter === "due" ? MISTAKES_PATH : `${MISTAKES_PATH}?filter=${filter}`}
              data-testid={`mistake-filter-${filter}`}
              aria-current={book.filter === filter ? "page" : undefined}
              className={`flex min-h-9 flex-1 items-center justify-center rounded-md px-2 text-sm ${book.filter === filter ? "bg-white font-medium shadow-sm" : "text-slate-600"}`}
            >
              {t(`filter.${filter}`)} · {countOf[filter]}
            </Link>
          ))}
        </nav>
        {!shownItems && (
          <Card>
            <p data-testid="mistake-empty" className="py-4 text-center text-sm text-slate-600">
              {t(`empty.${book.filter}`)}
            </p>
          </Card>
        )}
        {book.groups.map((group) => (
          <MistakeCourseCard key={group.course.id} group={group} />
        ))}
        {book.truncated && <p className="text-center text-xs text-slate-500">{t("truncated", { count: MISTAKE_LIST_LIMIT })}</p>}
        <p className="text-xs leading-relaxed text-slate-500">{t("scheme")}</p>
      </div>
    </>
  );
}
