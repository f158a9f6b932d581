import type { PrismaClient } from "@/generated/prisma/client";
import { shanghaiDayRange } from "@/lib/lesson/phase";
import { type ScoredRubric, rubricMaxPoints, rubricScore } from "@/lib/rubric/rubric";
import { finalScore } from "./recompute-lateness";

const COURSE_CODE = "MED2101";
const TITLE = "病例分析：胸痛待查";
/** The demo logins hand this homework in themselves (late, to see the deduction), so they get no submission. */
const DEMO_STUDENT_NOS = ["2023010101", "2023010201"];
const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

const INSTRUCTIONS = `阅读下面的病例，完成病例分析（800 字以内），可另附手写思维导图的照片或 PDF。

## 病例（已去标识化）

患者，男，58 岁，因“反复胸闷、胸痛 3 个月，加重 2 小时”就诊。胸痛位于胸骨后，呈压榨样，向左肩放射，
活动后出现、休息 5 分钟左右可缓解；2 小时前静息状态下再发，持续不缓解，伴大汗。既往高血压 10 年，吸烟 30 年。

查体：BP 150/95 mmHg，HR 98 次/分，双肺底少许湿啰音，心律齐，未闻及病理性杂音。

## 要求

1. **病史归纳**：提炼主诉与现病史要点、危险因素；
2. **诊断与鉴别诊断**：给出初步诊断及依据，至少列出 3 个需要鉴别的疾病；
3. **进一步检查与处理**：写出首选检查及其判读要点、初步处理原则。

> 迟交每天扣 10%，最多扣 50%。`;

const RUBRIC: ScoredRubric = [
  {
    kind: "levels",
    id: "history",
    title: "病史归纳",
    description: "",
    levels: [
      { id: "history-a", title: "优秀", description: "要点完整、准确，危险因素齐全", points: 30 },
      { id: "history-b", title: "良好", description: "要点基本完整，个别遗漏", points: 22 },
      { id: "history-c", title: "需改进", description: "要点遗漏较多或有错误", points: 12 },
    ],
  },
  {
    kind: "levels",
    id: "diagnosis",
    title: "诊断与鉴别诊断",
    description: "",
    levels: [
      { id: "diagnosis-a", title: "优秀", description: "诊断正确、依据充分，鉴别全面", points: 40 },
      { id: "diagnosis-b", title: "良好", description: "诊断正确，鉴别不够全面", points: 30 },
      { id: "diagnosis-c", title: "需改进", description: "诊断或依据有明显问题", points: 15 },
    ],
  },
  {
    kind: "levels",
    id: "plan",
    title: "进一步检查与处理",
    description: "",
    levels: [
      { id: "plan-a", title: "优秀", description: "检查首选正确，处理原则规范", points: 30 },
      { id: "plan-b", title: "良好", description: "基本正确，个别不当", points: 22 },
      { id: "plan-c", title: "需改进", description: "检查或处理有明显错误", points: 12 },
    ],
  },
];

const ANSWERS = [
  "**病史归纳**：58 岁男性，劳力性胸痛 3 个月，2 小时前静息胸痛持续不缓解伴大汗；危险因素：高血压、长期吸烟、男性。\n\n**诊断**：急性冠脉综合征（急性心肌梗死可能性大）。鉴别：主动脉夹层、肺栓塞、急性心包炎、气胸。\n\n**处理**：立即 18 导联心电图、肌钙蛋白动态监测；阿司匹林 + P2Y12 抑制剂，评估再灌注治疗。",
  "患者胸痛特点符合心绞痛，本次静息发作持续不缓解，考虑急性心肌梗死。需与主动脉夹层、肺栓塞鉴别。首选心电图和心肌酶检查。",
  "考虑不稳定型心绞痛或急性心肌梗死，双肺底湿啰音提示可能合并左心功能不全（Killip II 级）。检查：心电图、肌钙蛋白、心脏超声。",
];

/**
 * A published case-analysis homework on 诊断学 (MED2101) with a three-criterion rubric and a late policy of 10 % per
 * day up to 50 %: due the day before yesterday at 23:59, three submissions — one graded and released, one on time,
 * one late by a few hours (graded, it loses 10 %) — and the demo logins left to hand in themselves. Does nothing
 * when the course is missing or already has this homework, so it can run twice. Raises no domain events: old demo
 * homework pushes nothing.
 */
export async function seedDemoHomework(prisma: PrismaClient, now = new Date()): Promise<{ homework: number; submissions: number }> {
  const none = { homework: 0, submissions: 0 };
  const course = await prisma.course.findFirst({
    where: { code: COURSE_CODE },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      assessments: { orderBy: { position: "asc" }, select: { id: true, name: true } },
      lessons: { where: { title: { contains: "胸痛" } }, select: { id: true }, take: 1 },
      members: {
        where: { OR: [{ role: "TEACHER" }, { role: "STUDENT", user: { no: { notIn: DEMO_STUDENT_NOS } } }] },
        orderBy: { user: { no: "asc" } },
        select: { userId: true, role: true },
      },
    },
  });
  if (!course || (await prisma.homework.count({ where: { courseId: course.id, title: TITLE } })) > 0) return none;
  const teacher = course.members.find((member) => member.role === "TEACHER");
  const students = course.members.filter((member) => member.role === "STUDENT").slice(0, 3);
  if (!teacher || students.length < 3) return none;

  const dueAt = new Date(shanghaiDayRange(now).start.getTime() - DAY_MS - 60_000);
  const item = course.assessments.find((candidate) => candidate.name.includes("作业")) ?? null;
  const settings = { latePolicy: "DEDUCT" as const, lateRate: 10, lateInterval: "DAY" as const, lateMaxDeduction: 50, lateFloor: null };
  const points = rubricMaxPoints(RUBRIC);
  const homework = await prisma.homework.create({
    data: {
      courseId: course.id,
      lessonId: course.lessons[0]?.id ?? null,
      assessmentItemId: item?.id ?? null,
      title: TITLE,
      instructions: INSTRUCTIONS,
      status: "PUBLISHED",
      publishedAt: new Date(dueAt.getTime() - 7 * DAY_MS),
      dueAt,
      allowText: true,
      allowFiles: true,
      fileTypes: ["pdf", "jpg", "png", "docx"],
      maxFiles: 3,
      maxFileMb: 10,
      ...settings,
      points,
      rubric: RUBRIC,
      gradesReleasedAt: new Date(dueAt.getTime() + 6 * HOUR_MS),
      createdById: teacher.userId,
    },
    select: { id: true },
  });

  const picks = { history: "history-a", diagnosis: "diagnosis-b", plan: "plan-a" };
  const graded = finalScore({ ...settings, points }, rubricScore(RUBRIC, picks)!, 0);
  const submissions = [
    // Graded before the release, on time.
    {
      userId: students[0].userId,
      text: ANSWERS[0],
      submittedAt: new Date(dueAt.getTime() - 2 * DAY_MS),
      lateMinutes: 0,
      rubricLevels: picks,
      criterionComments: { diagnosis: "想到了主动脉夹层和肺栓塞，很好；但各自的鉴别依据（疼痛性质、D-二聚体、双上肢血压）没有写出来。" },
      ...graded,
      feedback: "病史归纳完整，危险因素找得很全。鉴别诊断还可以补充**急性心包炎**和**气胸**的要点，说明各自的鉴别依据。",
      gradedById: teacher.userId,
      gradedAt: new Date(dueAt.getTime() + 4 * HOUR_MS),
    },
    { userId: students[1].userId, text: ANSWERS[1], submittedAt: new Date(dueAt.getTime() - 3 * HOUR_MS), lateMinutes: 0 },
    // 20 hours late: one started day, so 10 % once graded.
    { userId: students[2].userId, text: ANSWERS[2], submittedAt: new Date(dueAt.getTime() + 20 * HOUR_MS), lateMinutes: 20 * 60, version: 2 },
  ];
  for (const submission of submissions) {
    await prisma.homeworkSubmission.create({ data: { homeworkId: homework.id, ...submission } });
  }
  return { homework: 1, submissions: submissions.length };
}
