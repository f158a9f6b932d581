import Link from "next/link";

export interface LessonTab {
  href: string;
  label: string;
  testId: string;
}

/** Tabs under a lesson's header: scrollable on a phone, one row on a desktop. */
export function LessonTabs({ tabs }: { tabs: LessonTab[] }) {
  return (
    <nav className="-mx-4 mb-4 flex gap-1 overflow-x-auto border-b border-slate-200 px-4 text-sm" aria-label="lesson">
      {tabs.map((tab) => (
        <Link key={tab.href} href={tab.href} data-testid={tab.testId} className="whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-slate-700 hover:border-brand-500">
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
