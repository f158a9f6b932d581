import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** Previous / next links for a paged list; renders nothing when there is one page. */
export function Pager({
  page,
  pageCount,
  hrefOf,
  labels,
}: {
  page: number;
  pageCount: number;
  hrefOf: (page: number) => string;
  labels: { nav: string; prev: string; next: string; status: string };
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={labels.nav} className="mt-4 flex items-center justify-between gap-2 text-sm">
      {page > 1 ? (
        <Link href={hrefOf(page - 1)} className={buttonClass("secondary")} rel="prev">
          {labels.prev}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600">{labels.status}</span>
      {page < pageCount ? (
        <Link href={hrefOf(page + 1)} className={buttonClass("secondary")} rel="next">
          {labels.next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
