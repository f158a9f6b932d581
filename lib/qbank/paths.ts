import { teacherCoursePath } from "@/lib/course/paths";

export type BankLinkFilter = Partial<Record<"type" | "tag" | "difficulty" | "q" | "source" | "caseId" | "archived" | "page", string | number | boolean | undefined>>;

/** The filter as a query string, leaving out what is unset or default (an "all" source, page 1, no archived). */
export function bankQuery(filter: BankLinkFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === "" || value === false) continue;
    if ((key === "source" && value === "all") || (key === "page" && Number(value) === 1)) continue;
    params.set(key, value === true ? "1" : String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

export const bankPath = (courseId: string, filter: BankLinkFilter = {}) => `${teacherCoursePath(courseId, "bank")}${bankQuery(filter)}`;
export const bankQuestionPath = (courseId: string, questionId: string) => `${teacherCoursePath(courseId, "bank")}/${questionId}`;
export const bankNewPath = (courseId: string, caseId?: string) => `${teacherCoursePath(courseId, "bank")}/new${caseId ? `?caseId=${encodeURIComponent(caseId)}` : ""}`;
export const bankImportPath = (courseId: string) => `${teacherCoursePath(courseId, "bank")}/import`;
export const bankExportPath = (courseId: string, format: "xlsx" | "xml", filter: BankLinkFilter = {}) =>
  `${teacherCoursePath(courseId, "bank")}/export/${format}${bankQuery({ ...filter, page: undefined })}`;
export const bankTemplatePath = (courseId: string) => `${teacherCoursePath(courseId, "bank")}/template`;
