import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { queryString } from "@/lib/admin/search-params";

/** Previous / next links that keep the filters. */
export async function AuditPager({ path, params, page, pageCount }: { path: string; params: Record<string, string | undefined>; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("audit");
  const label = t("page", { page, pageCount });
  return (
    <nav className="mt-3 flex items-center justify-between gap-2 text-sm" aria-label={label}>
      {page > 1 ? (
        <Link href={`${path}${queryString(params, { page: page - 1 })}`} className={buttonClass("secondary")} rel="prev">
          {t("prev")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600">{label}</span>
      {page < pageCount ? (
        <Link href={`${path}${queryString(params, { page: page + 1 })}`} className={buttonClass("secondary")} rel="next">
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
