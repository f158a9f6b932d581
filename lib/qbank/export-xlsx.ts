import ExcelJS from "exceljs";
import type { PartialCredit, QuestionType } from "@/generated/prisma/client";
import { caseCellOf, formatFillIn, scoringLabel } from "./formats/cell-values";
import { TABLE_HEADERS, type TableColumn } from "./formats/table";
import { QUESTION_SHEET } from "./formats/xlsx";
import { type ChoiceOption, QUESTION_LIMITS } from "./question-shapes";
import { QBANK_LIMITS } from "./schemas";

/** What an export needs of a question (a BankQuestion has it). */
export interface ExportQuestion {
  type: QuestionType;
  stem: string;
  options: ChoiceOption[];
  answer: unknown;
  partialCredit: PartialCredit;
  caseInsensitive: boolean;
  referenceAnswer: string;
  explanation: string;
  difficulty: number;
  tags: string[];
  case: { id: string; vignette: string } | null;
}

export const TYPE_LABELS: Record<QuestionType, string> = {
  SINGLE: "单选",
  MULTIPLE: "多选",
  TRUE_FALSE: "判断",
  FILL_IN: "填空",
  SHORT_ANSWER: "简答",
};

/**
 * Case sets become 病例1, 病例2 … in the order they first appear, and their questions follow each other in the
 * file, so that the rows of one vignette stay together.
 */
export function groupCases<Q extends ExportQuestion>(questions: Q[]): { question: Q; caseKey: string | null; first: boolean }[] {
  const byCase = new Map<string, Q[]>();
  for (const question of questions) if (question.case) byCase.set(question.case.id, [...(byCase.get(question.case.id) ?? []), question]);
  const keys = new Map<string, string>();
  const out: { question: Q; caseKey: string | null; first: boolean }[] = [];
  for (const question of questions) {
    if (!question.case) {
      out.push({ question, caseKey: null, first: false });
      continue;
    }
    if (keys.has(question.case.id)) continue;
    const key = `病例${keys.size + 1}`;
    keys.set(question.case.id, key);
    byCase.get(question.case.id)!.forEach((member, i) => out.push({ question: member, caseKey: key, first: i === 0 }));
  }
  return out;
}

function answerCell(question: ExportQuestion): string {
  const answer = Array.isArray(question.answer) ? (question.answer as unknown[]) : [];
  switch (question.type) {
    case "SINGLE":
    case "MULTIPLE":
      return answer.join("");
    case "TRUE_FALSE":
      return answer[0] === true ? "对" : answer[0] === false ? "错" : "";
    case "FILL_IN":
      return formatFillIn(answer as string[][]);
    case "SHORT_ANSWER":
      return question.referenceAnswer;
  }
}

function rowOf(question: ExportQuestion, caseKey: string | null, first: boolean): Record<TableColumn, string | number> {
  const option = (key: string) => question.options.find((o) => o.key === key)?.text ?? "";
  return {
    type: TYPE_LABELS[question.type],
    stem: question.stem,
    optionA: option("A"),
    optionB: option("B"),
    optionC: option("C"),
    optionD: option("D"),
    optionE: option("E"),
    optionF: option("F"),
    answer: answerCell(question),
    explanation: question.explanation,
    difficulty: question.difficulty,
    tags: question.tags.join("，"),
    case: caseKey && question.case ? caseCellOf(caseKey, first ? question.case.vignette : null) : "",
    scoring: scoringLabel(question.type, question.partialCredit),
    caseSensitive: question.type === "FILL_IN" && !question.caseInsensitive ? "是" : "",
  };
}

const WIDTHS: Partial<Record<TableColumn, number>> = { type: 8, stem: 48, answer: 14, explanation: 40, difficulty: 6, tags: 24, case: 40, scoring: 10, caseSensitive: 10 };

/** The template layout; with questions it is the Excel export, which imports back unchanged. */
export async function questionWorkbook(questions: ExportQuestion[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "MedBlend";
  const sheet = workbook.addWorksheet(QUESTION_SHEET);
  // Text format everywhere: an answer "1" or a tag "3.1" must stay text, and nothing is ever a formula.
  sheet.columns = TABLE_HEADERS.map(([key, header]) => ({ header, key, width: WIDTHS[key] ?? 18, style: { numFmt: "@", alignment: { wrapText: true, vertical: "top" } } }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  for (const { question, caseKey, first } of groupCases(questions)) sheet.addRow(rowOf(question, caseKey, first));
  addHelpSheet(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const HELP_LINES = [
  "题库导入说明（MedBlend 杏林课堂）",
  "1. 在“题目”工作表中每行填写一道题；第一行表头请勿修改（表头上方可以有一行标题）。导入时只读取“题目”工作表，空行会被忽略。",
  "2. 题型：单选、多选、判断、填空、简答。也可写 A1、A2、B1（按单选导入）、X型（多选）、A3、A4 或 共用题干（单选，须填写“病例”列）、是非（判断）、问答、论述、名词解释（简答）。",
  `3. 题干：必填，不超过 ${QUESTION_LIMITS.stem} 字，可使用 Markdown。填空题的空位用 ____（连续下划线）或（ ）表示。`,
  "4. 选项A–选项F：单选、多选题至少填写 A、B 两个选项，须从 A 起连续填写，中间不能空；其他题型留空（判断题也可填 A 对、B 错，答案填 A 或 B）。",
  "5. 答案：单选填一个字母，如 B；多选填全部正确字母，如 ACD（也可写 A,C,D 或 A、C、D）；判断填 对/错、√/×、正确/错误 或 T/F；简答填参考答案（可留空）。",
  "   填空：多个空用 | 分隔，同一个空的多个可接受答案用 / 分隔，如：二尖瓣/mitral|收缩期；答案本身含有 | 或 / 时写作 \\| 或 \\/（如血压 120\\/80）。",
  "6. 解析：选填，可使用 Markdown，学生在作答后或测验结束后看到。",
  "7. 难度：1（易）– 5（难），也可写 易、较易、中等、较难、难；留空为 3。",
  `8. 标签：选填，多个标签用逗号、分号或顿号分隔，建议使用前缀，如 系统:心血管，学科:诊断学，目标:心脏听诊；每题最多 ${QUESTION_LIMITS.tags} 个，每个不超过 ${QUESTION_LIMITS.tag} 字。`,
  "9. 病例（A3/A4 共用题干）：同一病例的几道题填写相同的病例文字（可以把这几行的“病例”单元格合并）；或在第一题写“【病例1】病例文字”，其余各题只写“【病例1】”。病例须已去标识化。",
  "10. 计分：多选题可填 全对（默认，全部选对才得分）、漏选半分（只选了正确选项但未选全得一半分）、对减错（按选对数减选错数计分，不低于 0）；填空题可填 全对（默认）或 按空计分。",
  "11. 区分大小写：填空题默认不区分大小写，全角/半角和多余空格也不影响判分；填“是”则区分大小写。",
  `12. 每次最多导入 ${QBANK_LIMITS.importQuestions} 题、5 MB。导入前先预览；任何一题有错误时不会导入任何题目，请按预览中的行号和原因修改后重新上传。题库中已有的完全相同的题目会被跳过。`,
  "13. 也可以导入 CSV（列与本模板相同，UTF-8 或 GBK 编码）、GIFT（.txt）和 Moodle XML（.xml）文件。",
  "",
  "示例（可复制到“题目”工作表）：",
];

const EXAMPLES: ExportQuestion[] = [
  {
    type: "SINGLE",
    stem: "二尖瓣狭窄最具特征性的体征是（ ）",
    options: [
      { key: "A", text: "心尖区舒张期隆隆样杂音" },
      { key: "B", text: "心尖区收缩期吹风样杂音" },
      { key: "C", text: "胸骨左缘第3肋间舒张期叹气样杂音" },
      { key: "D", text: "Graham Steell 杂音" },
    ],
    answer: ["A"],
    partialCredit: "ALL_OR_NOTHING",
    caseInsensitive: true,
    referenceAnswer: "",
    explanation: "二尖瓣狭窄的特征性体征为心尖区舒张中晚期低调隆隆样杂音。",
    difficulty: 2,
    tags: ["系统:心血管", "学科:诊断学"],
    case: null,
  },
  {
    type: "MULTIPLE",
    stem: "可闻及第三心音的情况有（ ）",
    options: [
      { key: "A", text: "健康儿童和青少年" },
      { key: "B", text: "心力衰竭" },
      { key: "C", text: "二尖瓣狭窄" },
      { key: "D", text: "二尖瓣关闭不全" },
    ],
    answer: ["A", "B", "D"],
    partialCredit: "HALF_FOR_SUBSET",
    caseInsensitive: true,
    referenceAnswer: "",
    explanation: "",
    difficulty: 3,
    tags: ["系统:心血管"],
    case: null,
  },
  {
    type: "TRUE_FALSE",
    stem: "正常成人呼吸频率为每分钟 12–20 次。",
    options: [],
    answer: [true],
    partialCredit: "ALL_OR_NOTHING",
    caseInsensitive: true,
    referenceAnswer: "",
    explanation: "",
    difficulty: 1,
    tags: ["学科:诊断学"],
    case: null,
  },
  {
    type: "FILL_IN",
    stem: "心尖区舒张期隆隆样杂音提示 ____ 狭窄，杂音出现在 ____。",
    options: [],
    answer: [["二尖瓣", "mitral"], ["舒张期"]],
    partialCredit: "RIGHT_MINUS_WRONG",
    caseInsensitive: true,
    referenceAnswer: "",
    explanation: "",
    difficulty: 2,
    tags: ["系统:心血管"],
    case: null,
  },
  {
    type: "SHORT_ANSWER",
    stem: "简述问诊的主要内容。",
    options: [],
    answer: [],
    partialCredit: "ALL_OR_NOTHING",
    caseInsensitive: true,
    referenceAnswer: "一般项目、主诉、现病史、既往史、系统回顾、个人史、婚姻史、月经史与生育史、家族史。",
    explanation: "",
    difficulty: 2,
    tags: ["学科:诊断学", "目标:问诊"],
    case: null,
  },
  ...["该患者最可能的诊断是（ ）", "为明确诊断，首选的检查是（ ）"].map(
    (stem, i): ExportQuestion => ({
      type: "SINGLE",
      stem,
      options: (i === 0 ? ["急性心肌梗死", "主动脉夹层", "急性心包炎", "肺栓塞"] : ["心电图", "胸部 X 线", "腹部超声", "血常规"]).map((text, j) => ({ key: "ABCD"[j] as "A", text })),
      answer: ["A"],
      partialCredit: "ALL_OR_NOTHING",
      caseInsensitive: true,
      referenceAnswer: "",
      explanation: "",
      difficulty: 3,
      tags: ["系统:心血管"],
      case: { id: "example", vignette: "患者男，58岁。持续性胸骨后压榨样疼痛 2 小时，伴大汗。既往高血压病史 10 年。" },
    }),
  ),
];

function addHelpSheet(workbook: ExcelJS.Workbook): void {
  const help = workbook.addWorksheet("说明");
  help.getColumn(1).width = 16;
  for (const line of HELP_LINES) help.addRow([line]);
  help.getRow(1).font = { bold: true, size: 13 };
  const header = help.addRow(TABLE_HEADERS.map(([, text]) => text));
  header.font = { bold: true };
  for (const { question, caseKey, first } of groupCases(EXAMPLES)) {
    const row = rowOf(question, caseKey, first);
    help.addRow(TABLE_HEADERS.map(([key]) => row[key]));
  }
}
