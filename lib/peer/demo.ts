import type { PrismaClient } from "@/generated/prisma/client";
import { seededRandom } from "@/lib/demo/seed";
import type { Rubric } from "@/lib/rubric/rubric";
import { NON_PEER_ALIAS, aliasAt } from "./activity";
import { allocateReviews } from "./allocate";
import { type Levels, assessmentPercent, calibrationCloseness } from "./grades";

const COURSE_CODE = "MED2101";
const TITLE = "病例分析互评：急性胸痛的诊断思路";
const DAY_MS = 86_400_000;
/** 2023010101 (陈思远, a demo login) hands in and still has every review to do, so the review queue can be tried. */
const DEMO_LOGIN = "2023010101";
const AUTHORS = 8;

const level = (id: string, title: string, points: number, description: string) => ({ id, title, description, points });

export const DEMO_RUBRIC: Rubric = [
  {
    kind: "levels",
    id: "history",
    title: "病史归纳",
    description: "主诉、现病史要点是否完整、准确",
    levels: [
      level("h0", "缺失", 0, "未归纳或明显错误"),
      level("h1", "部分", 1, "遗漏关键要点（如胸痛性质、持续时间）"),
      level("h2", "较好", 2, "要点基本完整"),
      level("h3", "完整", 3, "要点完整、重点突出"),
    ],
  },
  {
    kind: "levels",
    id: "reasoning",
    title: "诊断思路",
    description: "鉴别诊断是否覆盖致命性胸痛（ACS、主动脉夹层、肺栓塞、张力性气胸）",
    levels: [
      level("r0", "缺失", 0, "无鉴别诊断"),
      level("r1", "部分", 1, "只列出 1–2 个疾病"),
      level("r2", "较好", 2, "覆盖主要致命性胸痛"),
      level("r3", "清晰", 3, "覆盖全面，并说明支持与不支持点"),
    ],
  },
  {
    kind: "levels",
    id: "plan",
    title: "检查计划",
    description: "首选检查是否合理、有先后",
    levels: [
      level("p0", "缺失", 0, "未提出检查"),
      level("p1", "部分", 1, "检查不全或顺序不当"),
      level("p2", "较好", 2, "心电图、心肌标志物等首选检查齐全"),
      level("p3", "合理", 3, "检查齐全且说明时间要求（如 10 分钟内完成心电图）"),
    ],
  },
  { kind: "comment", id: "advice", title: "改进建议", description: "给作者一条具体建议" },
];

const INSTRUCTIONS = `## 任务

男，62 岁，突发胸骨后压榨性疼痛 2 小时，伴大汗，含服硝酸甘油不缓解。既往高血压 10 年。

请写出：

1. **病史归纳**：主诉与现病史要点；
2. **诊断思路**：需要首先排除的致命性胸痛及依据；
3. **检查计划**：首选检查及先后顺序。

不要在作品中写姓名或学号。`;

const EXAMPLE_TEXT = `**病史归纳**：老年男性，突发胸骨后压榨性痛 2 小时，伴大汗，硝酸甘油无效，高血压史。

**诊断思路**：首先考虑急性心肌梗死；需与主动脉夹层、肺栓塞鉴别。

**检查计划**：心电图、肌钙蛋白。`;

const WORKS = [
  "病史要点：突发胸骨后压榨样疼痛 2 小时，大汗，硝酸甘油不缓解。考虑急性 ST 段抬高型心肌梗死，需排除主动脉夹层（双上肢血压）、肺栓塞。首诊 10 分钟内完成 18 导联心电图，查高敏肌钙蛋白、D-二聚体，床旁超声。",
  "考虑冠心病心绞痛。建议做心电图和心脏彩超。",
  "主诉：胸痛 2 小时。鉴别：急性冠脉综合征、主动脉夹层、肺栓塞、气胸、食管破裂。检查：心电图（动态复查）、心肌酶、胸片、CT 血管造影（怀疑夹层时）。",
  "急性心梗可能性大，依据：典型压榨性胸痛、持续不缓解、危险因素高血压。先心电图，再肌钙蛋白。",
  "需考虑 ACS 与主动脉夹层：夹层多为撕裂样痛、两侧血压不对称。计划：心电图、肌钙蛋白、血气、胸部 CT。",
  "胸痛待查。查血常规、肝肾功能、心电图。",
  "病史：老年男性，高血压，压榨性痛 + 大汗。诊断思路按致命性胸痛逐一排除，再考虑稳定型心绞痛等。检查：心电图 10 分钟内，肌钙蛋白 0 h/1 h，必要时冠脉造影。",
  "首先排除急性心肌梗死、主动脉夹层和肺栓塞。先做心电图，抽血查肌钙蛋白和 D-二聚体。",
];

const COMMENTS = ["鉴别诊断可以再补充气胸。", "检查计划写得很清楚。", "建议写出心电图复查的时间。", "诊断依据可以更具体。", "条理清楚。"];

const levelsAt = (h: number, r: number, p: number): Levels => ({ history: `h${h}`, reasoning: `r${r}`, plan: `p${p}` });

/**
 * One 同伴互评 on 诊断学 (MED2101) in the assessment phase: an example with the teacher's reference (calibration
 * required, threshold 60), 8 submissions, 3 reviewers each, about half of the reviews in. Idempotent: does nothing
 * when the activity is already there or the course is missing. Not wired into the demo seed (the lead decides).
 */
export async function seedDemoPeerReview(prisma: PrismaClient, now = new Date()): Promise<{ activityId: string | null; created: boolean }> {
  const course = await prisma.course.findFirst({
    where: { code: COURSE_CODE },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      members: { orderBy: { user: { no: "asc" } }, select: { userId: true, role: true, groupId: true, user: { select: { no: true } } } },
    },
  });
  if (!course) return { activityId: null, created: false };
  const existing = await prisma.peerReview.findFirst({ where: { courseId: course.id, title: TITLE }, select: { id: true } });
  if (existing) return { activityId: existing.id, created: false };

  const teacher = course.members.find((m) => m.role === "TEACHER");
  const students = course.members.filter((m) => m.role === "STUDENT");
  const demo = students.find((m) => m.user.no === DEMO_LOGIN);
  const authors = [...(demo ? [demo] : []), ...students.filter((m) => m !== demo)].slice(0, AUTHORS);
  if (!teacher || authors.length < 2) return { activityId: null, created: false };

  const random = seededRandom(20261107);
  const activity = await prisma.peerReview.create({
    data: {
      courseId: course.id,
      title: TITLE,
      instructions: INSTRUCTIONS,
      phase: "ASSESSMENT",
      autoSwitch: true,
      submissionOpensAt: new Date(now.getTime() - 6 * DAY_MS),
      submissionClosesAt: new Date(now.getTime() - DAY_MS),
      assessmentClosesAt: new Date(now.getTime() + 3 * DAY_MS),
      reviewsPerSubmission: 3,
      rubric: DEMO_RUBRIC,
      calibrationRequired: true,
      calibrationThreshold: 60,
      allocatedAt: new Date(now.getTime() - DAY_MS),
      createdById: teacher.userId,
    },
    select: { id: true },
  });

  const reference = levelsAt(2, 1, 1);
  const example = await prisma.peerSubmission.create({ data: { activityId: activity.id, isExample: true, text: EXAMPLE_TEXT }, select: { id: true } });
  await prisma.peerAssessment.create({
    data: {
      submissionId: example.id,
      reviewerId: teacher.userId,
      kind: "REFERENCE",
      alias: NON_PEER_ALIAS.REFERENCE,
      levels: reference,
      comments: { advice: "鉴别诊断只列了病名，缺少依据；检查计划缺少时间要求。" },
      score: assessmentPercent(DEMO_RUBRIC, reference),
      submittedAt: new Date(now.getTime() - 5 * DAY_MS),
    },
  });

  const submissions = [];
  for (const [i, author] of authors.entries()) {
    const submittedAt = new Date(now.getTime() - DAY_MS - (2 + random() * 90) * 3600_000);
    const row = await prisma.peerSubmission.create({
      data: { activityId: activity.id, authorId: author.userId, text: WORKS[i % WORKS.length], submittedAt },
      select: { id: true },
    });
    submissions.push({ id: row.id, authorId: author.userId, groupId: author.groupId, quality: i % WORKS.length });
  }

  const allocation = allocateReviews({
    submissions: submissions.map((s) => ({ id: s.id, authorId: s.authorId, groupId: s.groupId, late: false })),
    reviewers: submissions.map((s) => ({ id: s.authorId, groupId: s.groupId })),
    k: 3,
    excludeOwnGroup: false,
    existing: [],
    random,
  });
  // Everyone but the demo login has calibrated (close enough) and done about half of their reviews.
  const active = new Set(authors.filter((a) => a !== demo).map((a) => a.userId));
  for (const reviewerId of active) {
    const attempt = random() < 0.5 ? reference : levelsAt(2, 2, 1);
    await prisma.peerAssessment.create({
      data: {
        submissionId: example.id,
        reviewerId,
        kind: "CALIBRATION",
        alias: NON_PEER_ALIAS.CALIBRATION,
        levels: attempt,
        score: assessmentPercent(DEMO_RUBRIC, attempt),
        reviewGrade: calibrationCloseness(DEMO_RUBRIC, attempt, reference),
        submittedAt: new Date(now.getTime() - 20 * 3600_000),
      },
    });
  }
  const aliases = new Map<string, number>();
  // Work quality by position in WORKS: good ones get high levels, vague ones low, with a little reviewer noise.
  const GOOD = [3, 1, 3, 2, 2, 0, 3, 2];
  for (const { submissionId, reviewerId } of allocation.assignments) {
    const index = aliases.get(submissionId) ?? 0;
    aliases.set(submissionId, index + 1);
    const quality = GOOD[submissions.find((s) => s.id === submissionId)!.quality];
    const done = active.has(reviewerId) && random() < 0.55;
    const jitter = () => Math.max(0, Math.min(3, quality + (random() < 0.2 ? (random() < 0.5 ? -1 : 1) : 0)));
    const chosen = done ? levelsAt(jitter(), jitter(), jitter()) : {};
    await prisma.peerAssessment.create({
      data: {
        submissionId,
        reviewerId,
        kind: "PEER",
        alias: aliasAt(index),
        levels: chosen,
        comments: done ? { advice: COMMENTS[Math.floor(random() * COMMENTS.length)] } : {},
        score: done ? assessmentPercent(DEMO_RUBRIC, chosen) : null,
        submittedAt: done ? new Date(now.getTime() - random() * 18 * 3600_000) : null,
      },
    });
  }
  return { activityId: activity.id, created: true };
}
