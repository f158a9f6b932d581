import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { studentCoursePath } from "@/lib/course/paths";
import type { WeakTag } from "@/lib/mistakes/tag-stats";
import { practiceSearchOf } from "@/lib/practice/schemas";

/** Weak tags as chips, worst first; each opens practice on that tag. */
export async function WeakTagList({ courseId, weakTags }: { courseId: string; weakTags: WeakTag[] }) {
  const [t, format] = await Promise.all([getTranslations("practice.weakTags"), getFormatter()]);
  return (
    <ul className="flex flex-wrap gap-2" data-testid="weak-tags">
      {weakTags.map((weak) => (
        <li key={weak.tag}>
          <Link
            href={`${studentCoursePath(courseId, "practice")}${practiceSearchOf({ kind: "tag", tag: weak.tag })}`}
            data-testid="weak-tag"
            title={t("detail", { answers: weak.answers, wrong: weak.wrong })}
            className="inline-flex min-h-9 items-center gap-1.5 rounded-full border border-red-200 bg-red-50 px-3 py-1 text-sm text-red-800"
          >
            {weak.tag}
            <span className="text-xs text-red-600">{t("rate", { percent: format.number(weak.errorRate, { style: "percent", maximumFractionDigits: 0 }) })}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
