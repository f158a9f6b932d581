import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { queryString } from "@/lib/admin/search-params";

/** The analytics sections of the admin portal, keeping the current filters. */
export async function AnalyticsNav({ current, query }: { current: "department" | "atRisk" | "competencies"; query: Record<string, string | undefined> }) {
  const t = await getTranslations("analytics.ui.nav");
  const links = [
    { key: "department", href: `/admin/analytics${queryString(query)}` },
    { key: "atRisk", href: `/admin/analytics/at-risk${queryString(query)}` },
    { key: "competencies", href: `/admin/analytics/competencies${queryString({ departmentId: query.departmentId, term: query.term })}` },
  ] as const;
  return (
    <nav className="-mx-4 mb-4 overflow-x-auto border-b border-slate-200 px-4">
      <ul className="flex gap-1 text-sm">
        {links.map((link) => (
          <li key={link.key}>
            <Link
              href={link.href}
              data-testid={`analytics-nav-${link.key}`}
              aria-current={current === link.key ? "page" : undefined}
              className={`block whitespace-nowrap border-b-2 px-3 py-2 ${
                current === link.key ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"
              }`}
            >
              {t(link.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
