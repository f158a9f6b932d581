import { beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { shanghaiDayRange } from "@/lib/lesson/phase";
import { DEMO_LOGINS, DEMO_PASSWORD } from "./accounts";
import { seedDemoSchool } from "./seed";

// Sunday 2026-11-01 17:30 UTC is already Monday 01:30 in Shanghai: the seed must use the Shanghai day.
const FIXED_NOW = new Date("2026-11-01T17:30:00Z");

describe("seedDemoSchool", () => {
  let result: Awaited<ReturnType<typeof seedDemoSchool>>;
  beforeAll(async () => {
    result = await seedDemoSchool(db, FIXED_NOW);
  }, 120_000);

  it("creates the departments, staff and classes", async () => {
    expect(await db.department.count()).toBe(3);
    const byRole = Object.fromEntries(
      (await db.user.groupBy({ by: ["role"], _count: { _all: true } })).map((g) => [g.role, g._count._all]),
    );
    expect(byRole.ADMIN).toBe(1);
    expect(byRole.DEPT_ADMIN).toBe(3);
    expect(byRole.TEACHER).toBeGreaterThanOrEqual(4);
    expect(byRole.STUDENT).toBe(120);
    expect(result.users).toBe(await db.user.count());
    const classes = await db.class.findMany({ include: { _count: { select: { students: true } } } });
    expect(classes.map((c) => c._count.students)).toEqual([30, 30, 30, 30]);
    const staff = await db.user.findMany({ where: { role: { in: ["TEACHER", "DEPT_ADMIN"] } } });
    expect(staff.filter((u) => !u.departmentId)).toEqual([]);
  });

  it("makes every demo login work with the demo password", async () => {
    for (const login of DEMO_LOGINS) {
      const user = await db.user.findUnique({ where: { no: login.no } });
      expect(user?.role, login.no).toBe(login.role);
      expect(user?.disabled).toBe(false);
    }
    const user = await db.user.findUniqueOrThrow({ where: { no: DEMO_LOGINS[0].no } });
    expect(await verifyPassword(user.passwordHash, DEMO_PASSWORD)).toBe(true);
  });

  it("creates 6 courses with objectives, teachers and an assessment scheme adding up to 100", async () => {
    const courses = await db.course.findMany({
      include: { assessments: true, objectives: true, members: { select: { role: true, user: { select: { role: true, departmentId: true } } } } },
    });
    expect(courses).toHaveLength(6);
    for (const course of courses) {
      expect(course.assessments.reduce((sum, a) => sum + a.weight, 0), course.code).toBe(100);
      expect(course.objectives.length, course.code).toBeGreaterThan(0);
      expect(course.syllabus, course.code).toContain("## ");
      const teachers = course.members.filter((m) => m.role === "TEACHER");
      expect(teachers, course.code).toHaveLength(1);
      for (const m of course.members.filter((m) => m.role !== "STUDENT")) {
        expect(m.user, course.code).toEqual({ role: "TEACHER", departmentId: course.departmentId });
      }
      for (const m of course.members.filter((m) => m.role === "STUDENT")) expect(m.user.role, course.code).toBe("STUDENT");
    }
  });

  it("puts every enrolled student in one group of 5–6", async () => {
    const groups = await db.group.findMany({ include: { members: { select: { role: true } } } });
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) {
      expect(group.members.length, group.name).toBeGreaterThanOrEqual(5);
      expect(group.members.length, group.name).toBeLessThanOrEqual(6);
      expect(group.members.every((m) => m.role === "STUDENT")).toBe(true);
    }
    expect(await db.courseMember.count({ where: { role: "STUDENT", groupId: null } })).toBe(0);
  });

  it("gives every course 16 lessons, a week apart and in order", async () => {
    const courses = await db.course.findMany({ include: { lessons: { orderBy: { position: "asc" } } } });
    expect(result.lessons).toBe(6 * 16);
    for (const course of courses) {
      expect(course.lessons.map((l) => l.position), course.code).toEqual([...Array(16).keys()]);
      for (const [i, lesson] of course.lessons.entries()) {
        expect(lesson.endsAt.getTime(), course.code).toBeGreaterThan(lesson.startsAt.getTime());
        if (i > 0) expect(lesson.startsAt.getTime() - course.lessons[i - 1].startsAt.getTime(), course.code).toBe(7 * 86_400_000);
      }
    }
  });

  it("gives student 2023010101 a lesson on the Shanghai day of now, and lessons before and after it", async () => {
    const student = await db.user.findUniqueOrThrow({ where: { no: "2023010101" } });
    const { start, end } = shanghaiDayRange(FIXED_NOW);
    const mine = { course: { members: { some: { userId: student.id } } } };
    expect(await db.lesson.count({ where: { ...mine, startsAt: { gte: start, lt: end } } })).toBeGreaterThanOrEqual(1);
    expect(await db.lesson.count({ where: { ...mine, endsAt: { lt: FIXED_NOW } } })).toBeGreaterThan(0);
    expect(await db.lesson.count({ where: { ...mine, startsAt: { gt: FIXED_NOW } } })).toBeGreaterThan(0);
  });

  it("fills the after-class phase of 诊断学: a bank, a quiz with graded attempts, practice, homework, a peer review and an evaluation", async () => {
    expect(result.bank.questions).toBeGreaterThan(20);
    expect(result.quiz).toEqual({ quizzes: 1, attempts: 20 });
    const quiz = await db.quiz.findFirstOrThrow({ where: { title: "心脏检查课后测验" }, include: { attempts: true } });
    expect(quiz.status).toBe("PUBLISHED");
    expect(quiz.attempts.every((a) => a.status === "SUBMITTED" && a.score !== null)).toBe(true);
    expect(await db.mistakeItem.count()).toBeGreaterThan(0);
    expect(result.practice.answers).toBeGreaterThan(0);
    expect(result.homework.homework).toBe(1);
    expect(result.peerReview.created).toBe(true);
    expect(result.evaluations.responses).toBeGreaterThanOrEqual(5);
    // Nothing the seed did should send pushes at start-up.
    expect(await db.domainEvent.count({ where: { pushesQueuedAt: null, type: { in: ["quiz.published", "homework.published", "peer.phase_changed"] } } })).toBe(0);
  });
});
