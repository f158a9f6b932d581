import type { PrismaClient } from "@/generated/prisma/client";

/**
 * After-class content for the demo school's 诊断学 (MED2101), on its heart-sounds lesson: a question with a reply the
 * teacher marked as the answer, a pinned case-analysis thread (on the lesson's case when it has a de-identified
 * one), a thread only 陈思远's group sees, a reply the teacher hid, and notes shared with the group and the course.
 * Call it after seedDemoSchool (and after seedDemoPreclass, so the case exists). Does nothing when the course is
 * missing or already has threads, so it can run twice. Raises no domain events: old demo threads push nothing.
 */
export async function seedDemoThreads(prisma: PrismaClient, now = new Date()): Promise<{ threads: number; posts: number; notes: number }> {
  const none = { threads: 0, posts: 0, notes: 0 };
  const course = await prisma.course.findFirst({ where: { code: "MED2101" }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!course || (await prisma.thread.count({ where: { courseId: course.id } })) > 0) return none;
  const lesson = await prisma.lesson.findFirst({
    where: { courseId: course.id, title: { contains: "心音" } },
    select: { id: true, endsAt: true, clinicalCase: { select: { id: true, deidentified: true } } },
  });
  const members = await prisma.courseMember.findMany({
    where: { courseId: course.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { userId: true, role: true, groupId: true, user: { select: { no: true } } },
  });
  const teacher = members.find((m) => m.role === "TEACHER");
  const assistant = members.find((m) => m.role === "ASSISTANT") ?? teacher;
  const students = members.filter((m) => m.role === "STUDENT").sort((a, b) => a.user.no.localeCompare(b.user.no));
  const me = students.find((m) => m.user.no === "2023010101") ?? students[0];
  if (!lesson || !teacher || !assistant || !me?.groupId) return none;
  const groupmates = students.filter((m) => m.groupId === me.groupId && m !== me);
  const others = students.filter((m) => m.groupId !== me.groupId);
  const [mate, mate2] = [groupmates[0] ?? me, groupmates[1] ?? groupmates[0] ?? me];
  const [other, other2] = [others[0] ?? me, others[1] ?? others[0] ?? me];

  // A conversation that happened after the lesson (or over the last day, if the lesson is still ahead).
  const start = new Date(Math.min(lesson.endsAt.getTime(), now.getTime() - 30 * 3600_000));
  const at = (hours: number) => new Date(start.getTime() + hours * 3600_000);
  const caseId = lesson.clinicalCase?.deidentified ? lesson.clinicalCase.id : null;
  let posts = 0;

  async function thread(data: { authorId: string; title: string; body: string; at: number; pinned?: boolean; groupId?: string; caseId?: string | null }, replies: { authorId: string; body: string; at: number; hidden?: boolean }[]) {
    const createdAt = at(data.at);
    const lastAt = replies.length ? at(Math.max(...replies.map((r) => r.at))) : createdAt;
    const row = await prisma.thread.create({
      data: {
        courseId: course!.id,
        lessonId: lesson!.id,
        caseId: data.caseId ?? null,
        groupId: data.groupId ?? null,
        authorId: data.authorId,
        title: data.title,
        body: data.body,
        pinned: data.pinned ?? false,
        createdAt,
        updatedAt: lastAt,
      },
      select: { id: true },
    });
    const ids: string[] = [];
    for (const reply of replies) {
      const post = await prisma.post.create({
        data: { threadId: row.id, authorId: reply.authorId, body: reply.body, hidden: reply.hidden ?? false, createdAt: at(reply.at), updatedAt: at(reply.at) },
        select: { id: true },
      });
      ids.push(post.id);
      posts++;
    }
    return { id: row.id, lastAt, postIds: ids };
  }

  const s3s4 = await thread(
    {
      authorId: me.userId,
      title: "第三心音与第四心音怎么区分？",
      body: "听诊录音里总是分不清 S3 和 S4：两者都是低调的额外心音，**时相**上到底怎么判断？临床意义有什么不同？",
      at: 2,
    },
    [
      { authorId: mate.userId, body: "我是按“紧跟 S2 还是紧贴 S1”来记的：S3 在 S2 之后，S4 在 S1 之前。", at: 3 },
      {
        authorId: teacher.userId,
        body: [
          "很好的问题，要点如下：",
          "",
          "| | 第三心音（S3） | 第四心音（S4） |",
          "| --- | --- | --- |",
          "| 时相 | 舒张早期，S2 后 0.12–0.18 s | 舒张晚期（收缩期前），S1 前约 0.1 s |",
          "| 机制 | 心室快速充盈期血流冲击室壁 | 心房收缩，血流进入顺应性下降的心室 |",
          "| 生理性 | 儿童、青少年可听到 | 一般为病理性 |",
          "| 病理意义 | 心衰、容量负荷过重（舒张早期奔马律） | 高血压、肥厚型心肌病、心肌缺血 |",
          "",
          "听诊时用**钟型**听诊器轻放心尖部，左侧卧位更清楚。",
        ].join("\n"),
        at: 5,
      },
      { authorId: other.userId, body: "谢谢老师！表格收藏了。", at: 6 },
      { authorId: other2.userId, body: "有人要代写作业吗？加我微信。", at: 7, hidden: true },
    ],
  );
  await prisma.thread.update({ where: { id: s3s4.id }, data: { answerPostId: s3s4.postIds[1], updatedAt: s3s4.lastAt } });

  await thread(
    {
      authorId: teacher.userId,
      caseId,
      pinned: true,
      title: "病例分析：劳力性胸闷 2 月，心尖部可闻及额外心音",
      body: [
        "男，62 岁，劳力性胸闷、气短 2 个月，夜间阵发性呼吸困难 1 周。查体：BP 150/95 mmHg，心尖搏动向左下移位，心尖部可闻及舒张早期额外心音。",
        "",
        "请各位回答：",
        "1. 这个额外心音最可能是什么？依据是什么？",
        "2. 还需要补充哪些体格检查和辅助检查？",
        "3. 初步诊断与鉴别诊断。",
        "",
        "*病例资料已去标识化，仅用于教学。*",
      ].join("\n"),
      at: 1,
    },
    [
      { authorId: me.userId, body: "1. 舒张早期奔马律（S3），提示左心室容量负荷过重、心功能不全。\n2. 颈静脉、肺部湿啰音、下肢水肿；BNP、心电图、超声心动图。", at: 8 },
      { authorId: other.userId, body: "鉴别诊断要考虑 S2 分裂和开瓣音：开瓣音更高调、更清脆，位置在胸骨左缘第 3–4 肋间。", at: 9 },
      { authorId: assistant.userId, body: "补充：高血压病史较长的话，也要留意 S4，可以和 S3 同时存在（重叠型奔马律）。", at: 10 },
    ],
  );

  await thread(
    {
      authorId: mate.userId,
      groupId: me.groupId,
      title: "本组病例汇报分工",
      body: "下周要汇报心音病例，先分一下工：病史与查体、辅助检查、诊断与鉴别、PPT 制作。大家认领一下～",
      at: 4,
    },
    [
      { authorId: me.userId, body: "我来做“诊断与鉴别”，顺便整理 S3/S4 的对比表。", at: 4.5 },
      { authorId: mate2.userId, body: "我负责辅助检查部分，超声心动图的图我去找。", at: 5.5 },
    ],
  );

  const notes = [
    { authorId: me.userId, visibility: "PRIVATE" as const, title: "心音听诊复习提纲", body: "- 听诊顺序：二尖瓣区 → 肺动脉瓣区 → 主动脉瓣区 → 主动脉瓣第二听诊区 → 三尖瓣区\n- S1 与 S2 的区分：S1 与心尖搏动同时出现\n- 待复习：开瓣音与 S2 分裂" },
    { authorId: mate.userId, visibility: "GROUP" as const, groupId: me.groupId, title: "S3 与 S4 记忆口诀", body: "**S3：“Ken-tuc-ky”**（S1-S2-S3），舒张早期，心室“太满”。\n\n**S4：“Ten-nes-see”**（S4-S1-S2），舒张晚期，心室“太硬”。" },
    { authorId: other.userId, visibility: "COURSE" as const, title: "心脏杂音分级（Levine 6 级）", body: "1. 很弱，须仔细听\n2. 较易听到的弱杂音\n3. 中等响亮\n4. 响亮，伴震颤\n5. 很响，听诊器离开胸壁即听不到\n6. 听诊器离开胸壁也能听到" },
  ];
  for (const [i, note] of notes.entries()) {
    await prisma.note.create({
      data: { ...note, courseId: course.id, lessonId: lesson.id, createdAt: at(3 + i), updatedAt: at(3 + i) },
    });
  }
  return { threads: 3, posts, notes: notes.length };
}
