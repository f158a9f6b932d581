import type { PrismaClient } from "@/generated/prisma/client";
import { seedDemoCompetencies } from "@/lib/analytics/demo";
import { hashPassword } from "@/lib/auth/password";
import { seedDemoBindings } from "@/lib/binding/demo";
import { seedDemoEvaluations } from "@/lib/evaluation/demo";
import { seedDemoHomework } from "@/lib/homework/demo";
import { seedDemoPeerReview } from "@/lib/peer/demo";
import { seedDemoPractice } from "@/lib/practice/demo";
import { seedDemoQuestionBank } from "@/lib/qbank/demo";
import { seedDemoQuiz } from "@/lib/quiz/demo";
import { seedDemoLive } from "@/lib/live/demo";
import { seedDemoPlan } from "@/lib/plan/demo";
import { seedDemoPreclass } from "@/lib/preclass/demo";
import { seedDemoThreads } from "@/lib/threads/demo";
import { DEMO_PASSWORD } from "./accounts";
import { DEMO_COURSES, DEMO_DEPARTMENTS, DEMO_STAFF, type DemoCourse } from "./school";

/** Deterministic pseudo-random numbers, so that every fresh demo school looks the same. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN = "思远子涵浩然雨桐欣怡梓轩一诺佳怡俊杰诗涵宇航嘉怡明轩雅婷晨曦博文心怡志强晓东婉清天佑语嫣承泽若曦景行沐阳清妍书瑶皓轩可馨奕辰芷若";

export function chineseName(random: () => number): string {
  const surname = SURNAMES[Math.floor(random() * SURNAMES.length)];
  const length = random() < 0.35 ? 1 : 2;
  let given = "";
  for (let i = 0; i < length; i++) given += GIVEN[Math.floor(random() * GIVEN.length)];
  return surname + given;
}

export const DEMO_CLASSES = [1, 2, 3, 4].map((n) => ({ n, name: `2023级临床医学${n}班`, grade: 2023, major: "临床医学" }));
export const STUDENTS_PER_CLASS = 30;

/** Monday 00:00 (Asia/Shanghai) of the week containing `date`, as a UTC instant. */
function mondayOf(date: Date): Date {
  const shanghai = new Date(date.getTime() + 8 * 3600_000);
  const weekday = (shanghai.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate() - weekday) - 8 * 3600_000);
}

const at = (day: Date, dayOffset: number, hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return new Date(day.getTime() + dayOffset * 86_400_000 + (h * 60 + m) * 60_000);
};

/**
 * A department's worth of realistic data: 3 departments, their admins and teachers, 4 classes of 30 students,
 * 6 courses with intro, objectives, assessment scheme, groups and a 16-week term of lessons placed around today,
 * so that today's lessons and all three phases can be seen whenever the demo starts.
 */
export async function seedDemoSchool(prisma: PrismaClient, now = new Date()) {
  const random = seededRandom(20260901);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const departments = new Map<string, string>();
  for (const dept of DEMO_DEPARTMENTS) {
    const row = await prisma.department.create({ data: { code: dept.code, name: dept.name, nameEn: dept.nameEn } });
    departments.set(dept.code, row.id);
  }

  const classIds = new Map<number, string>();
  for (const cls of DEMO_CLASSES) {
    const row = await prisma.class.create({ data: { name: cls.name, grade: cls.grade, major: cls.major } });
    classIds.set(cls.n, row.id);
  }

  const staffIds = new Map<string, string>();
  for (const staff of DEMO_STAFF) {
    const row = await prisma.user.create({
      data: {
        no: staff.no,
        name: staff.name,
        role: staff.role,
        departmentId: staff.dept ? departments.get(staff.dept) : null,
        email: `${staff.no}@medblend.example.edu.cn`,
        passwordHash,
      },
    });
    staffIds.set(staff.no, row.id);
  }

  const studentsByClass = new Map<number, string[]>();
  for (const cls of DEMO_CLASSES) {
    const rows = Array.from({ length: STUDENTS_PER_CLASS }, (_, i) => ({
      no: `2023010${cls.n}${String(i + 1).padStart(2, "0")}`,
      name: cls.n === 1 && i === 0 ? "陈思远" : chineseName(random),
      role: "STUDENT" as const,
      classId: classIds.get(cls.n)!,
      passwordHash,
    }));
    await prisma.user.createMany({ data: rows });
    const created = await prisma.user.findMany({ where: { classId: classIds.get(cls.n) }, select: { id: true }, orderBy: { no: "asc" } });
    studentsByClass.set(cls.n, created.map((u) => u.id));
  }

  const termMonday = new Date(mondayOf(now).getTime() - 11 * 7 * 86_400_000);
  const todayOffset = Math.round((mondayOf(now).getTime() - termMonday.getTime()) / 86_400_000) +
    ((new Date(now.getTime() + 8 * 3600_000).getUTCDay() + 6) % 7);
  let lessons = 0;
  for (const [index, course] of DEMO_COURSES.entries()) {
    lessons += await seedCourse(prisma, course, {
      departmentId: departments.get(course.dept)!,
      teacherIds: course.teachers.map((no) => staffIds.get(no)!),
      studentIds: course.classes.flatMap((n) => studentsByClass.get(n)!),
      termMonday,
      // The first two courses meet today (weekly), the others on fixed weekdays.
      weekday: index < 2 ? todayOffset % 7 : course.weekday,
      random,
    });
  }
  // The lesson loop around today: pre-class packages and feedback, then the plan revised from it, then threads.
  const preclass = await seedDemoPreclass(prisma, now);
  const plan = await seedDemoPlan(prisma, now);
  const threads = await seedDemoThreads(prisma, now);
  const live = await seedDemoLive(prisma, now);
  const wechat = await seedDemoBindings(prisma);
  // After class: the bank first (the quiz and practice draw on it), then the work built on it.
  const bank = await seedDemoQuestionBank(prisma);
  const quiz = await seedDemoQuiz(prisma, now);
  const practice = await seedDemoPractice(prisma, now);
  const homework = await seedDemoHomework(prisma, now);
  const peerReview = await seedDemoPeerReview(prisma, now);
  const evaluations = await seedDemoEvaluations(prisma, now);
  const competencies = await seedDemoCompetencies(prisma);
  return {
    users: staffIds.size + DEMO_CLASSES.length * STUDENTS_PER_CLASS,
    lessons,
    preclass,
    plan,
    threads,
    live,
    wechat,
    bank,
    quiz,
    practice,
    homework,
    peerReview,
    evaluations,
    competencies,
  };
}

async function seedCourse(
  prisma: PrismaClient,
  course: DemoCourse,
  ctx: { departmentId: string; teacherIds: string[]; studentIds: string[]; termMonday: Date; weekday: number; random: () => number },
): Promise<number> {
  const row = await prisma.course.create({
    data: {
      code: course.code,
      title: course.title,
      titleEn: course.titleEn,
      term: "2026-2027-1",
      departmentId: ctx.departmentId,
      credits: course.credits,
      hours: course.lessons.length * 2,
      description: course.description,
      syllabus: syllabusOf(course),
      objectives: { create: course.objectives.map((text, position) => ({ text, position })) },
      assessments: { create: course.assessment.map(([name, weight, description], position) => ({ name, weight, description, position })) },
    },
  });
  await prisma.courseMember.createMany({
    data: ctx.teacherIds.map((userId, i) => ({ courseId: row.id, userId, role: i === 0 ? "TEACHER" : "ASSISTANT" })),
  });

  const groupCount = Math.ceil(ctx.studentIds.length / 6);
  await prisma.group.createMany({ data: Array.from({ length: groupCount }, (_, i) => ({ courseId: row.id, name: `第${i + 1}组` })) });
  const groups = await prisma.group.findMany({ where: { courseId: row.id }, select: { id: true, name: true } });
  const groupIdByNumber = new Map(groups.map((g) => [Number(g.name.replace(/\D/g, "")), g.id]));
  await prisma.courseMember.createMany({
    data: ctx.studentIds.map((userId, i) => ({
      courseId: row.id,
      userId,
      role: "STUDENT" as const,
      groupId: groupIdByNumber.get((i % groupCount) + 1),
    })),
  });

  const [startTime, endTime] = course.time;
  for (const [position, title] of course.lessons.entries()) {
    const dayOffset = position * 7 + ctx.weekday;
    await prisma.lesson.create({
      data: {
        courseId: row.id,
        position,
        title,
        startsAt: at(ctx.termMonday, dayOffset, startTime),
        endsAt: at(ctx.termMonday, dayOffset, endTime),
        room: course.room,
        summary: `第${position + 1}次课：${title}。课前请阅读预习材料并完成反馈问卷。`,
        objectives: {
          create: lessonObjectivesOf(title).map((text, i) => ({ text, position: i })),
        },
      },
    });
  }
  return course.lessons.length;
}

function lessonObjectivesOf(title: string): string[] {
  const topic = title.replace(/^[^：:]*[：:]/, "");
  return [`理解${topic}的基本概念与发生机制`, `掌握${topic}的临床表现与诊断要点`, `能够结合临床病例对${topic}进行分析与鉴别`];
}

function syllabusOf(course: DemoCourse): string {
  const schedule = course.lessons.map((title, i) => `| ${i + 1} | ${title} |`).join("\n");
  return `## 课程简介

${course.description}

## 教学方式

本课程采用“课前—课中—课后”混合式教学：课前通过杏林课堂发布预习材料与临床病例，学生完成预习反馈；
课中围绕病例开展讨论与投票；课后完成测验、作业与同伴互评。

## 教学进度

| 周次 | 内容 |
| --- | --- |
${schedule}

## 参考教材

- ${course.textbook}

## 课程要求

1. 按时完成课前预习与反馈，课堂讨论积极发言。
2. 病例资料均已去标识化，仅用于教学，请勿外传。
3. 作业独立完成，引用文献请注明出处。
`;
}
