import type { PrismaClient } from "@/generated/prisma/client";

const POLL = {
  prompt: "心尖区舒张期隆隆样杂音最常见于哪种情况？",
  options: ["二尖瓣狭窄", "二尖瓣关闭不全", "主动脉瓣关闭不全", "室间隔缺损"],
  // How many of every ten students chose each option.
  spread: [6, 2, 1, 1],
};

const DISCUSSION = {
  prompt: "结合今天的内容：体格检查中你觉得最容易出错的一步是什么？为什么？",
  answers: [
    "心脏听诊时分不清收缩期和舒张期，尤其心率快的时候。",
    "叩诊心界，手指用力不均匀，浊音界总是定不准。",
    "触诊震颤时手掌放的位置不对，容易漏掉。",
    "听诊顺序记不牢，经常漏掉三尖瓣区。",
    "测血压时袖带位置和松紧，总是读数偏高。",
    "视诊心尖搏动时体位没摆好，看不清楚。",
    "把第三心音和心音分裂搞混。",
    "肺部听诊时没有让病人深呼吸，湿啰音听不出来。",
  ],
  highlighted: [0, 6],
  reply: { index: 0, text: "很常见的问题：先同时触摸颈动脉搏动，与搏动同步的是第一心音，再判断收缩期和舒张期。" },
};

/**
 * In-class history for the demo school's 诊断学 (MED2101): on its latest lesson that has already ended, a closed
 * sign-in (most present, a few late, two absent), a closed poll and a closed discussion with highlighted answers and
 * a teacher's reply, and 不懂 presses during the lesson. Call it after seedDemoSchool. Does nothing when the course
 * is missing, no lesson has ended yet, or the lesson already has topics, so it can run twice. Raises no domain
 * events: old demo lessons push nothing.
 */
export async function seedDemoLive(prisma: PrismaClient, now = new Date()): Promise<{ topics: number; answers: number; attendance: number }> {
  const none = { topics: 0, answers: 0, attendance: 0 };
  const course = await prisma.course.findFirst({ where: { code: "MED2101" }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!course) return none;
  const lesson = await prisma.lesson.findFirst({
    where: { courseId: course.id, endsAt: { lt: now } },
    orderBy: { endsAt: "desc" },
    select: { id: true, startsAt: true, _count: { select: { topics: true } } },
  });
  if (!lesson || lesson._count.topics > 0) return none;
  const members = await prisma.courseMember.findMany({
    where: { courseId: course.id },
    select: { userId: true, role: true, user: { select: { no: true } } },
  });
  const teacher = members.find((m) => m.role === "TEACHER");
  const students = members.filter((m) => m.role === "STUDENT").sort((a, b) => a.user.no.localeCompare(b.user.no));
  if (!teacher || students.length < DISCUSSION.answers.length) return none;
  const minute = (n: number) => new Date(lesson.startsAt.getTime() + n * 60_000);

  await prisma.signInSession.create({
    data: { lessonId: lesson.id, secret: "demo-closed", openedAt: minute(0), lateAfter: minute(5), closedAt: minute(12) },
  });
  // The last two students missed the lesson; every eighth came late.
  const attendance = students.map((s, i) => {
    if (i >= students.length - 2) return { lessonId: lesson.id, studentId: s.userId, status: "ABSENT" as const, checkedInAt: null };
    const late = i % 8 === 7;
    return { lessonId: lesson.id, studentId: s.userId, status: late ? ("LATE" as const) : ("PRESENT" as const), checkedInAt: minute(late ? 7 + (i % 4) : 1 + (i % 4)) };
  });
  await prisma.attendance.createMany({ data: attendance });
  const present = students.slice(0, -2);

  const poll = await prisma.topic.create({
    data: {
      lessonId: lesson.id,
      kind: "POLL_SINGLE",
      prompt: POLL.prompt,
      options: POLL.options,
      liveResults: false,
      openedAt: minute(20),
      closedAt: minute(24),
      status: "CLOSED",
      createdById: teacher.userId,
    },
  });
  const choiceOf = (i: number) => {
    let slot = i % 10;
    return POLL.spread.findIndex((n) => (slot -= n) < 0);
  };
  await prisma.topicAnswer.createMany({
    data: present.slice(0, -3).map((s, i) => ({
      topicId: poll.id,
      studentId: s.userId,
      choices: [choiceOf(i)],
      createdAt: minute(21),
      updatedAt: minute(21),
    })),
  });

  const discussion = await prisma.topic.create({
    data: {
      lessonId: lesson.id,
      kind: "DISCUSSION",
      prompt: DISCUSSION.prompt,
      anonymous: true,
      openedAt: minute(40),
      closedAt: minute(50),
      status: "CLOSED",
      createdById: teacher.userId,
    },
  });
  await prisma.topicAnswer.createMany({
    data: DISCUSSION.answers.map((text, i) => ({
      topicId: discussion.id,
      studentId: present[i * 3].userId,
      text,
      highlighted: DISCUSSION.highlighted.includes(i),
      teacherReply: i === DISCUSSION.reply.index ? DISCUSSION.reply.text : null,
      createdAt: minute(41 + i),
      updatedAt: minute(41 + i),
    })),
  });

  // Confusion peaks while heart sounds are played, around minute 30.
  await prisma.lostSignal.createMany({
    data: present.slice(0, 14).map((s, i) => ({ lessonId: lesson.id, studentId: s.userId, createdAt: minute(i < 10 ? 29 + (i % 3) : 15 + i) })),
  });

  return { topics: 2, answers: present.length - 3 + DISCUSSION.answers.length, attendance: attendance.length };
}
