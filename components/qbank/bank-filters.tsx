import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Select, TextInput } from "@/components/ui/field";
import { QUESTION_TYPES } from "@/lib/qbank/question-shapes";
import { bankPath } from "@/lib/qbank/paths";
import type { TagCount } from "@/lib/qbank/queries";
import { BANK_SOURCES, type BankFilter, DIFFICULTIES, QBANK_LIMITS } from "@/lib/qbank/schemas";

/** The bank's filter as a plain GET form: it works before (and without) JavaScript, and the URL can be shared. */
export async function BankFilters({ courseId, filter, tags }: { courseId: string; filter: BankFilter; tags: TagCount[] }) {
  const t = await getTranslations("qbank");
  return (
    <form
      method="get"
      action={bankPath(courseId)}
      role="search"
      data-testid="bank-filters"
      className="mb-4 grid gap-3 rounded-xl border border-slate-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_1.5fr] lg:items-end"
    >
      <TextInput label={t("list.q")} name="q" type="search" defaultValue={filter.q ?? ""} maxLength={QBANK_LIMITS.search} placeholder={t("list.qPlaceholder")} data-testid="bank-filter-q" />
      <Select label={t("list.type")} name="type" defaultValue={filter.type ?? ""} data-testid="bank-filter-type">
        <option value="">{t("list.allTypes")}</option>
        {QUESTION_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`types.${type}`)}
          </option>
        ))}
      </Select>
      <Select label={t("list.tag")} name="tag" defaultValue={filter.tag ?? ""} data-testid="bank-filter-tag">
        <option value="">{t("list.anyTag")}</option>
        {tags.map(({ tag, count }) => (
          <option key={tag} value={tag}>
            {tag} ({count})
          </option>
        ))}
      </Select>
      <Select label={t("difficulty.label")} name="difficulty" defaultValue={filter.difficulty ?? ""} data-testid="bank-filter-difficulty">
        <option value="">{t("list.anyDifficulty")}</option>
        {DIFFICULTIES.map((value) => (
          <option key={value} value={value}>
            {t(`difficulty.${value}`)}
          </option>
        ))}
      </Select>
      <Select label={t("list.source")} name="source" defaultValue={filter.source} data-testid="bank-filter-source">
        {BANK_SOURCES.map((source) => (
          <option key={source} value={source}>
            {t(`list.sources.${source}`)}
          </option>
        ))}
      </Select>
      {filter.caseId && <input type="hidden" name="caseId" value={filter.caseId} />}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-5">
        <label className="inline-flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="archived" value="1" defaultChecked={filter.archived} className="size-4" data-testid="bank-filter-archived" />
          {t("list.archived")}
        </label>
        <span className="flex-1" />
        <Link href={bankPath(courseId)} className={buttonClass("ghost")}>
          {t("list.clear")}
        </Link>
        <button type="submit" className={buttonClass("secondary")} data-testid="bank-filter-apply">
          {t("list.apply")}
        </button>
      </div>
    </form>
  );
}
