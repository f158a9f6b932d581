import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/course/section-header";
import { GradebookTable } from "@/components/gradebook/gradebook-table";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { teacherCoursePath } from "@/lib/course/paths";
import { getCourseGradebook } from "@/lib/gradebook/get-course-gradebook";
import { orHttpError } from "@/lib/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("gradebook"))("title") };
}

/** 成绩册 (grades.view): every student by the course's assessment scheme, with Excel and CSV export. */
export default async function GradebookPage({ params }: { params: Promise<{ courseId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId } = await params;
  const [book, t] = await Promise.all([orHttpError(getCourseGradebook(actor, courseId)), getTranslations("gradebook")]);
  const exportPath = `${teacherCoursePath(courseId, "gradebook")}/export`;
  return (
    <>
      <SectionHeader
        title={t("title")}
        actions={
          <>
            <a href={`${exportPath}?format=xlsx`} className={buttonClass("secondary")} data-testid="gradebook-export-xlsx" download>
              {t("exportXlsx")}
            </a>
            <a href={`${exportPath}?format=csv`} className={buttonClass("secondary")} data-testid="gradebook-export-csv" download>
              {t("exportCsv")}
            </a>
          </>
        }
      />
      <p role="note" className="mb-4 rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="gradebook-rules">
        {t("rules")}
      </p>
      {!book.schemeComplete && (
        <p role="alert" className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {book.items.length === 0 ? t("noScheme") : t("schemeIncomplete")}
        </p>
      )}
      <Card>
        <GradebookTable book={book} />
      </Card>
    </>
  );
}
