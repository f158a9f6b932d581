import type { PrismaClient } from "@/generated/prisma/client";

/**
 * Lesson plans for the demo school, on top of the pre-class feedback that seedDemoPreclass wrote (call it after
 * that): a first version for every lesson with feedback, and for one lesson — the heart-sounds lesson when it has
 * feedback — a second version caused by its two lowest-confidence objectives and three students' feedback, plus
 * teacher tags on that lesson's feedback. Lessons that already have a plan are left alone, so it can run twice.
 */
export async function seedDemoPlan(prisma: PrismaClient, now = new Date()): Promise<{ versions: number; tags: number }> {
  const lessons = await prisma.lesson.findMany({
    where: { feedback: { some: {} }, planVersions: { none: {} } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      objectives: { orderBy: { position: "asc" }, select: { id: true, text: true } },
      course: { select: { members: { where: { role: "TEACHER" }, orderBy: { createdAt: "asc" }, take: 1, select: { userId: true } } } },
      _count: { select: { feedback: true } },
    },
  });
  if (lessons.length === 0) return { versions: 0, tags: 0 };
  const featured =
    lessons.find((lesson) => lesson.title.includes("心音")) ??
    lessons.reduce((most, lesson) => (lesson._count.feedback > most._count.feedback ? lesson : most));

  let versions = 0;
  for (const lesson of lessons) {
    const authorId = lesson.course.members[0]?.userId ?? null;
    const heart = lesson.title.includes("心音");
    const first = heart ? heartPlanV1(lesson.objectives) : genericPlan(lesson.title, lesson.objectives, false);
    await prisma.lessonPlanVersion.create({
      data: { lessonId: lesson.id, version: 1, content: first, changeNote: "初版教案", authorId, createdAt: hoursBefore(now, 30) },
    });
    versions++;
    if (lesson !== featured) continue;

    const lowest = await lowestConfidenceObjectives(prisma, lesson.id, 2);
    const feedback = await prisma.preClassFeedback.findMany({
      where: { lessonId: lesson.id, OR: [{ unclear: { not: "" } }, { questions: { not: "" } }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 3,
      select: { id: true },
    });
    const focus = lesson.objectives.find((objective) => objective.id === lowest[0])?.text ?? lesson.title;
    await prisma.lessonPlanVersion.create({
      data: {
        lessonId: lesson.id,
        version: 2,
        content: heart ? heartPlanV2(lesson.objectives) : genericPlan(lesson.title, lesson.objectives, true),
        changeNote: heart
          ? "增加心音听诊音频示例，延长第三心音讲解时间"
          : `课前反馈中“${focus}”信心偏低：增加典型病例与课上示范，延长该部分讲解与讨论时间`,
        authorId,
        createdAt: hoursBefore(now, 2),
        objectives: { create: lowest.map((objectiveId) => ({ objectiveId })) },
        feedback: { create: feedback.map(({ id }) => ({ feedbackId: id })) },
      },
    });
    versions++;
  }
  return { versions, tags: await tagDemoFeedback(prisma, featured.id) };
}

const hoursBefore = (now: Date, hours: number) => new Date(now.getTime() - hours * 3600_000);

async function lowestConfidenceObjectives(prisma: PrismaClient, lessonId: string, count: number): Promise<string[]> {
  const means = await prisma.feedbackRating.groupBy({
    by: ["objectiveId"],
    where: { objective: { lessonId } },
    _avg: { confidence: true },
  });
  return means
    .sort((a, b) => (a._avg.confidence ?? 5) - (b._avg.confidence ?? 5) || a.objectiveId.localeCompare(b.objectiveId))
    .slice(0, count)
    .map((row) => row.objectiveId);
}

/** Labels a teacher would give, by what the students wrote; untouched items stay untagged. */
const TAG_RULES: [RegExp, string][] = [
  [/第三心音|S3|奔马律/i, "第三心音"],
  [/杂音/, "杂音鉴别"],
  [/听诊|录音/, "听诊技巧"],
  [/机制|为什么/, "发生机制"],
  [/手法|触诊|叩/, "检查手法"],
  [/鉴别|区分|区别|混淆/, "易混淆概念"],
  [/MCV|RDW|尿蛋白|血常规|指标/i, "检验指标判读"],
  [/播放|示范|图片/, "课上演示"],
];

async function tagDemoFeedback(prisma: PrismaClient, lessonId: string): Promise<number> {
  const items = await prisma.preClassFeedback.findMany({
    where: { lessonId, OR: [{ unclear: { not: "" } }, { questions: { not: "" } }] },
    select: { id: true, unclear: true, questions: true },
  });
  const tags = items.flatMap((item) =>
    TAG_RULES.filter(([pattern]) => pattern.test(`${item.unclear}\n${item.questions}`)).map(([, label]) => ({ feedbackId: item.id, label })),
  );
  // Feedback worded unlike any rule still deserves a group, or the demo shows no tags at all.
  if (tags.length === 0) tags.push(...items.slice(0, 3).map((item) => ({ feedbackId: item.id, label: "课上重点讲解" })));
  await prisma.feedbackTag.createMany({ data: tags, skipDuplicates: true });
  return tags.length;
}

const objectiveList = (objectives: { text: string }[]) => objectives.map((objective, i) => `${i + 1}. ${objective.text}`).join("\n");

function genericPlan(title: string, objectives: { text: string }[], revised: boolean): string {
  const topic = title.replace(/^[^：:]*[：:]/, "");
  const schedule = revised
    ? [
        "| 0–10 分钟 | 课前反馈回顾：信心偏低的目标与共性疑问 | 讲授 + 投票 |",
        `| 10–30 分钟 | ${topic}的基本概念与发生机制 | 讲授 |`,
        "| 30–55 分钟 | 临床表现与诊断要点（延长，增加 2 个临床病例示例） | 讲授 + 提问 |",
        "| 55–90 分钟 | 病例讨论：分阶段揭示，小组给出鉴别诊断 | 小组讨论 + 投票 |",
        "| 90–100 分钟 | 小结、答疑与课后任务 | 讲授 |",
      ]
    : [
        "| 0–10 分钟 | 课前反馈回顾 | 讲授 |",
        `| 10–40 分钟 | ${topic}的基本概念与发生机制 | 讲授 |`,
        "| 40–65 分钟 | 临床表现与诊断要点 | 讲授 + 提问 |",
        "| 65–95 分钟 | 病例讨论 | 小组讨论 |",
        "| 95–100 分钟 | 小结与课后任务 | 讲授 |",
      ];
  return `# ${title} — 教案

## 教学目标

${objectiveList(objectives)}

## 教学安排（100 分钟）

| 时间 | 内容 | 方式 |
| --- | --- | --- |
${schedule.join("\n")}

## 重点与难点

- 重点：${topic}的临床表现与诊断要点
- 难点：结合病例进行鉴别诊断${revised ? "（课前反馈显示多数同学把握不足，课上多举例）" : ""}

## 课后任务

- 完成课后测验
- 在讨论区提交病例分析
`;
}

const heartPlanV1 = (objectives: { text: string }[]) => `# 心脏检查：心音与杂音 — 教案

## 教学目标

${objectiveList(objectives)}

## 教学安排（100 分钟）

| 时间 | 内容 | 方式 |
| --- | --- | --- |
| 0–10 分钟 | 课前反馈回顾 | 讲授 |
| 10–35 分钟 | 正常心音：S1、S2 的产生与听诊区 | 讲授 |
| 35–50 分钟 | 额外心音：第三心音、第四心音、开瓣音 | 讲授 |
| 50–75 分钟 | 心脏杂音：产生机制、分级与传导 | 讲授 + 提问 |
| 75–95 分钟 | 病例讨论：活动后气促伴心尖部杂音 | 小组讨论 |
| 95–100 分钟 | 小结与课后任务 | 讲授 |

## 重点与难点

- 重点：心音听诊顺序与听诊区，杂音的 6 级分级法
- 难点：额外心音与心音分裂的鉴别

## 课后任务

- 完成课后测验
- 在讨论区提交病例分析
`;

const heartPlanV2 = (objectives: { text: string }[]) => `# 心脏检查：心音与杂音 — 教案

## 教学目标

${objectiveList(objectives)}

## 教学安排（100 分钟）

| 时间 | 内容 | 方式 |
| --- | --- | --- |
| 0–10 分钟 | 课前反馈回顾：第三心音与杂音分级的共性疑问 | 讲授 + 投票 |
| 10–30 分钟 | 正常心音：S1、S2 的产生与听诊区，播放听诊音频示例 | 讲授 + 听诊练习 |
| 30–55 分钟 | 第三心音（延长）：产生机制、生理性与病理性 S3、与 S4 的鉴别，音频对比 | 讲授 + 听诊练习 |
| 55–75 分钟 | 心脏杂音：产生机制、分级与传导，播放不同级别杂音音频 | 讲授 + 提问 |
| 75–95 分钟 | 病例讨论：活动后气促伴心尖部杂音 | 小组讨论 + 投票 |
| 95–100 分钟 | 小结与课后任务 | 讲授 |

## 重点与难点

- 重点：心音听诊顺序与听诊区，杂音的 6 级分级法
- 难点：第三心音与第四心音、心音分裂的鉴别（课前反馈显示多数同学把握不足，增加音频对比）

## 课后任务

- 完成课后测验
- 课后用听诊音频库复习 S3、S4 各 3 例
- 在讨论区提交病例分析
`;
