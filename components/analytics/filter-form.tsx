import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import type { AnalyticsFilters } from "@/lib/analytics/schemas";
import type { FilterOptions } from "@/lib/analytics/scope";

type FilterName = "departmentId" | "term" | "classId" | "courseId";

/** The dashboards' filters as a plain GET form (works before hydration, and the URL can be shared). */
export async function FilterForm({
  options,
  filters,
  fields = ["departmentId", "term", "classId", "courseId"],
}: {
  options: FilterOptions;
  filters: AnalyticsFilters;
  fields?: FilterName[];
}) {
  const t = await getTranslations("analytics.ui.filters");
  // One department only (a department admin): nothing to choose.
  const shown = fields.filter((field) => field !== "departmentId" || options.departments.length > 1);
  return (
    <form method="get" aria-label={t("label")} className="mb-4 grid grid-cols-2 gap-3 rounded-xl border border-slate-200 bg-white p-3 sm:flex sm:flex-wrap sm:items-end">
      {shown.includes("departmentId") && (
        <div className="sm:w-44">
          <Select label={t("department")} name="departmentId" defaultValue={filters.departmentId ?? ""} data-testid="filter-department">
            <option value="">{t("all")}</option>
            {options.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </Select>
        </div>
      )}
      {shown.includes("term") && (
        <div className="sm:w-40">
          <Select label={t("term")} name="term" defaultValue={filters.term ?? ""} data-testid="filter-term">
            <option value="">{t("all")}</option>
            {options.terms.map((term) => (
              <option key={term} value={term}>
                {term}
              </option>
            ))}
          </Select>
        </div>
      )}
      {shown.includes("classId") && (
        <div className="sm:w-52">
          <Select label={t("class")} name="classId" defaultValue={filters.classId ?? ""} data-testid="filter-class">
            <option value="">{t("all")}</option>
            {options.classes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </div>
      )}
      {shown.includes("courseId") && (
        <div className="sm:w-56">
          <Select label={t("course")} name="courseId" defaultValue={filters.courseId ?? ""} data-testid="filter-course">
            <option value="">{t("all")}</option>
            {options.courses.map((c) => (
              <option key={c.id} value={c.id}>
                {c.code} {c.title}
              </option>
            ))}
          </Select>
        </div>
      )}
      <button type="submit" data-testid="filter-apply" className={buttonClass("secondary", "col-span-2 sm:col-span-1")}>
        {t("apply")}
      </button>
    </form>
  );
}
