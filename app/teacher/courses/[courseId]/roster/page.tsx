import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/course/section-header";
import { ClientMessages } from "@/components/intl/client-messages";
import { AddStudentForm } from "@/components/roster/add-student-form";
import { GroupPanel } from "@/components/roster/group-panel";
import { RosterImportPanel } from "@/components/roster/import-panel";
import { RosterTable } from "@/components/roster/roster-table";
import { CLASS_OPTIONS_ID } from "@/components/roster/student-actions";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { listRoster } from "@/lib/roster/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("roster"))("title") };
}

// The course layout above renders the course title and tabs.
export default async function RosterPage({ params }: { params: Promise<{ courseId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId } = await params;
  const roster = await orHttpError(listRoster(actor, courseId));
  const t = await getTranslations("roster");
  const { course } = roster;

  return (
    <ClientMessages namespaces={["roster"]}>
      <SectionHeader title={`${t("title")} · ${t("count", { count: roster.students.length })}`} />
      {!roster.canManage && (
        <p role="note" className="mb-4 rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700">
          {t("readOnly")}
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className={roster.canManage ? "lg:col-span-2" : "lg:col-span-3"}>
          <RosterTable roster={roster} />
        </Card>
        {roster.canManage && (
          <div className="space-y-4">
            <Card title={t("add.title")}>
              <AddStudentForm courseId={course.id} groups={roster.groups} />
            </Card>
            <Card title={t("groups.title")}>
              <GroupPanel courseId={course.id} groups={roster.groups} />
            </Card>
          </div>
        )}
        {roster.canManage && (
          <Card title={t("import.title")} className="lg:col-span-3">
            <RosterImportPanel courseId={course.id} />
          </Card>
        )}
      </div>
      {roster.canManage && (
        <datalist id={CLASS_OPTIONS_ID}>
          {roster.classNames.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      )}
    </ClientMessages>
  );
}
