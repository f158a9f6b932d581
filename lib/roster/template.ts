import ExcelJS from "exceljs";
import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { ROSTER_LIMITS } from "./schemas";

export type TemplateFormat = "xlsx" | "csv";

export const TEMPLATE_HEADERS = ["学号", "姓名", "班级", "小组"] as const;

export interface RosterTemplate {
  filename: string;
  contentType: string;
  body: Uint8Array<ArrayBuffer>;
}

/** The import template for a course's roster managers: headers only, so nothing stray gets imported. */
export async function getRosterTemplate(actor: Actor, courseId: string, format: TemplateFormat): Promise<RosterTemplate> {
  await authorizeCourse(actor, courseId, "roster.manage");
  return format === "xlsx"
    ? {
        filename: "学生名单模板.xlsx",
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        body: await rosterTemplateXlsx(),
      }
    : { filename: "学生名单模板.csv", contentType: "text/csv; charset=utf-8", body: rosterTemplateCsv() };
}

export async function rosterTemplateXlsx(): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "MedBlend";
  const sheet = workbook.addWorksheet("名单");
  sheet.columns = [
    // Text format keeps long 学号 from turning into 2.02301E+09 and keeps leading zeros.
    { header: TEMPLATE_HEADERS[0], key: "no", width: 16, style: { numFmt: "@" } },
    { header: TEMPLATE_HEADERS[1], key: "name", width: 12 },
    { header: TEMPLATE_HEADERS[2], key: "class", width: 24 },
    { header: TEMPLATE_HEADERS[3], key: "group", width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];

  const help = workbook.addWorksheet("说明");
  help.getColumn(1).width = 90;
  [
    "在“名单”工作表中每行填写一名学生，第一行表头请勿修改（也可使用英文表头 no, name, class, group）。",
    `学号：必填，${ROSTER_LIMITS.noMin}–${ROSTER_LIMITS.noMax} 位字母或数字；已有账号按学号匹配并更新姓名、班级。`,
    `姓名：必填，不超过 ${ROSTER_LIMITS.nameMax} 字。`,
    `班级：选填，如“2023级临床医学1班”，不超过 ${ROSTER_LIMITS.classMax} 字；留空则保持学生原班级，不存在的班级会自动创建。`,
    `小组：选填，不超过 ${ROSTER_LIMITS.groupMax} 字；留空则保持原小组，不存在的小组会自动创建。`,
    `每次最多 ${ROSTER_LIMITS.rows} 行、2 MB；任一行有错误时不会导入任何数据。新建账号的临时密码只在导入结果中显示一次。`,
  ].forEach((line) => help.addRow([line]));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** With a BOM, so that Excel opens the UTF-8 file with the Chinese headers intact. */
export function rosterTemplateCsv(): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`\uFEFF${TEMPLATE_HEADERS.join(",")}\r\n`);
}
