import { db } from "@/lib/db";
import { actorOf, makeCourse, makeSchool } from "@/tests/factories";
import { createCaseSet } from "./create-case-set";
import { createQuestion } from "./create-question";
import type { QuestionDataInput } from "./schemas";

/** makeSchool, plus a sister course of the same department (taught by otherTeacher) and one of another department. */
export async function makeBankSchool() {
  const school = await makeSchool();
  const sister = await makeCourse(school.dept.id, [{ userId: school.otherTeacher.id, role: "TEACHER" }]);
  const foreign = await makeCourse(school.otherDept.id, [{ userId: school.otherTeacher.id, role: "TEACHER" }]);
  return { ...school, sister, foreign };
}

/** One question of every type, with the scoring options each uses. */
export const SAMPLE_QUESTIONS: QuestionDataInput[] = [
  {
    type: "SINGLE",
    stem: "二尖瓣狭窄最具特征性的体征是（ ）",
    options: [
      { key: "A", text: "心尖区舒张期隆隆样杂音" },
      { key: "B", text: "心尖区收缩期吹风样杂音" },
      { key: "C", text: "主动脉瓣区舒张期叹气样杂音" },
    ],
    answer: ["A"],
    explanation: "舒张期隆隆样杂音。",
    difficulty: 2,
    tags: ["系统:心血管", "学科:诊断学"],
  },
  {
    type: "MULTIPLE",
    stem: "可闻及第三心音的是",
    options: [
      { key: "A", text: "健康儿童" },
      { key: "B", text: "心力衰竭" },
      { key: "C", text: "二尖瓣狭窄" },
      { key: "D", text: "二尖瓣关闭不全" },
    ],
    answer: ["A", "B", "D"],
    partialCredit: "HALF_FOR_SUBSET",
    difficulty: 4,
    tags: ["系统:心血管"],
  },
  { type: "TRUE_FALSE", stem: "正常成人呼吸频率为 12–20 次/分。", answer: [true], tags: ["系统:呼吸"] },
  { type: "TRUE_FALSE", stem: "肺下界移动度正常为 2–3 cm。", answer: [false], explanation: "正常为 6–8 cm。" },
  {
    type: "FILL_IN",
    stem: "心尖区舒张期隆隆样杂音提示 ____ 狭窄，血压 ____ mmHg 为正常高值上限。",
    answer: [["二尖瓣", "mitral"], ["139/89"]],
    partialCredit: "RIGHT_MINUS_WRONG",
    caseInsensitive: false,
  },
  { type: "FILL_IN", stem: "叩诊心界向左下扩大，呈 ____ 型心。", answer: [["靴", "靴形"]] },
  { type: "SHORT_ANSWER", stem: "简述问诊的主要内容。", referenceAnswer: "主诉、现病史、既往史……", difficulty: 3, tags: ["目标:问诊"] },
];

export const SAMPLE_CASE = {
  vignette: "患者男，58岁。持续性胸骨后压榨样疼痛 2 小时，伴大汗。",
  questions: [
    { type: "SINGLE", stem: "最可能的诊断是", options: [{ key: "A", text: "急性心肌梗死" }, { key: "B", text: "主动脉夹层" }], answer: ["A"] },
    { type: "SINGLE", stem: "首选的检查是", options: [{ key: "A", text: "心电图" }, { key: "B", text: "胸片" }], answer: ["A"] },
    { type: "MULTIPLE", stem: "急诊处理包括", options: [{ key: "A", text: "阿司匹林" }, { key: "B", text: "再灌注" }, { key: "C", text: "补液" }], answer: ["A", "B"] },
  ] satisfies QuestionDataInput[],
};

/** Fills a course's bank with the sample questions and the sample case set, as its teacher. */
export async function fillBank(teacher: Parameters<typeof actorOf>[0], courseId: string, options: { shared?: boolean } = {}) {
  const actor = actorOf(teacher);
  for (const question of SAMPLE_QUESTIONS) await createQuestion(actor, { courseId, question, shared: options.shared ?? false });
  await createCaseSet(actor, { courseId, ...SAMPLE_CASE, shared: options.shared ?? false });
}

export const questionCount = (courseId: string) => db.question.count({ where: { courseId } });
