"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** The sections of one course; the first tab (the overview) is active only on its own page. */
export function CourseTabs({ tabs, label }: { tabs: { href: string; label: string }[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="-mx-4 mb-4 overflow-x-auto border-b border-slate-200 px-4">
      <ul className="flex gap-1 text-sm">
        {tabs.map((tab, index) => {
          const active = index === 0 ? pathname === tab.href : pathname.startsWith(tab.href);
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={`block whitespace-nowrap border-b-2 px-3 py-2 ${
                  active ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
