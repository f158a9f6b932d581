// A small school with known activity for the analytics tests (not imported by the app). Rows are written straight to
// the tables so that these tests do not depend on the other features' editors and time windows.
import { db } from "@/lib/db";
import { makeCourse, makeSchool } from "@/tests/factories";

export const TERM = "2026-2027-1";
/** Monday of week 1, Asia/Shanghai. */
export const TERM_STARTS_ON = "2026-09-07";
/** Friday of week 3, 10:00 Asia/Shanghai. */
export const NOW = new Date("2026-09-25T02:00:00Z");

const shanghai = (date: string, time = "08:00") => new Date(`${date}T${time}:00+08:00`);

/**
 * makeSchool() plus, in its course: 2 past lessons (weeks 1 and 2) and one future lesson, each with a published
 * pre-class package; sign-ins, a topic, two quizzes, homework, evaluations, bindings and pushes. Expected figures:
 *   pre-class 3/4, sign-in 3/4, participation 1/2 (one lesson with topics), quiz results 80, 50, 30, 70
 *   (mean 57.5, 2 of 4 pass), homework on time 1/2, evaluation mean 4.0 (a second evaluation has only 4 answers),
 *   binding 1/2, delivery 2/3.
 * `student` is the one doing well on quiz 1 and badly on quiz 2; `student2` misses feedback and a sign-in.
 */
export async function makeAnalyticsSchool() {
  const s = await makeSchool();
  await db.academicTerm.upsert({
    where: { code: TERM },
    create: { code: TERM, startsOn: new Date(`${TERM_STARTS_ON}T00:00:00Z`) },
    update: {},
  });
  const cls = await db.class.create({ data: { name: `2023级临床医学${s.dept.code}班`, grade: 2023, departmentId: s.dept.id } });
  await db.user.updateMany({ where: { id: { in: [s.student.id, s.student2.id] } }, data: { classId: cls.id } });

  const lesson = (position: number, date: string, opens: string) =>
    db.lesson.create({
      data: {
        courseId: s.course.id,
        position,
        title: `第${position + 1}讲`,
        startsAt: shanghai(date),
        endsAt: shanghai(date, "09:40"),
        objectives: { create: [{ position: 0, text: "掌握心音听诊" }, { position: 1, text: "理解杂音分级" }] },
        preClass: { create: { status: "PUBLISHED", publishedAt: shanghai(opens), opensAt: shanghai(opens), closesAt: shanghai(date, "07:00") } },
      },
      include: { objectives: true },
    });
  const l1 = await lesson(0, "2026-09-08", "2026-09-06");
  const l2 = await lesson(1, "2026-09-15", "2026-09-13");
  const l3 = await lesson(2, "2026-10-20", "2026-10-18");

  const feedback = async (lessonId: string, studentId: string, objectives: { id: string }[], confidence: number) =>
    db.preClassFeedback.create({
      data: {
        lessonId,
        studentId,
        createdAt: shanghai("2026-09-07", "20:00"),
        ratings: { create: objectives.map((o) => ({ objectiveId: o.id, confidence })) },
      },
    });
  await feedback(l1.id, s.student.id, l1.objectives, 4);
  await feedback(l1.id, s.student2.id, l1.objectives, 2);
  await feedback(l2.id, s.student.id, l2.objectives, 3);

  for (const l of [l1, l2]) {
    await db.signInSession.create({ data: { lessonId: l.id, secret: "x", openedAt: l.startsAt, lateAfter: l.startsAt, closedAt: l.endsAt } });
  }
  await db.attendance.createMany({
    data: [
      { lessonId: l1.id, studentId: s.student.id, status: "PRESENT", checkedInAt: l1.startsAt },
      { lessonId: l1.id, studentId: s.student2.id, status: "ABSENT" },
      { lessonId: l2.id, studentId: s.student.id, status: "LATE", checkedInAt: l2.startsAt },
      { lessonId: l2.id, studentId: s.student2.id, status: "PRESENT", checkedInAt: l2.startsAt },
    ],
  });
  const topic = await db.topic.create({ data: { lessonId: l1.id, kind: "DISCUSSION", prompt: "心音的产生机制？" } });
  await db.topicAnswer.createMany({
    data: [
      { topicId: topic.id, studentId: s.student.id, text: "瓣膜关闭", createdAt: l1.startsAt },
      { topicId: topic.id, studentId: s.student.id, text: "补充", createdAt: l1.startsAt },
    ],
  });
  await db.lostSignal.createMany({
    data: [0, 1, 2].map((i) => ({ lessonId: l1.id, studentId: i % 2 ? s.student2.id : s.student.id, createdAt: new Date(l1.startsAt.getTime() + 10 * 60_000 + i * 1000) })),
  });

  const q1 = await db.question.create({
    data: {
      courseId: s.course.id,
      type: "SINGLE",
      stem: "心尖部舒张期隆隆样杂音最常见于？",
      options: [
        { key: "A", text: "二尖瓣狭窄" },
        { key: "B", text: "二尖瓣关闭不全" },
      ],
      answer: ["A"],
      tags: ["系统:心血管", "学科:诊断学"],
    },
  });
  const q2 = await db.question.create({
    data: { courseId: s.course.id, type: "TRUE_FALSE", stem: "第一心音标志着心室收缩期的开始。", answer: [true], tags: ["系统:心血管"] },
  });
  const quiz = async (title: string, lessonId: string, scoring: "HIGHEST" | "LAST") =>
    db.quiz.create({
      data: {
        courseId: s.course.id,
        lessonId,
        title,
        status: "PUBLISHED",
        publishedAt: shanghai("2026-09-01"),
        scoring,
        attemptsAllowed: 2,
        questions: { create: [{ questionId: q1.id, position: 0, points: 5 }, { questionId: q2.id, position: 1, points: 5 }] },
      },
    });
  const quiz1 = await quiz("测验一", l1.id, "HIGHEST");
  const quiz2 = await quiz("测验二", l2.id, "LAST");
  /** An attempt scoring `a` of 5 on q1 (chose A when a = 5) and `b` of 5 on q2. */
  const attempt = async (quizId: string, userId: string, number: number, a: number, b: number, at: Date) =>
    db.quizAttempt.create({
      data: {
        quizId,
        userId,
        number,
        status: "SUBMITTED",
        startedAt: at,
        submittedAt: at,
        score: a + b,
        maxScore: 10,
        questions: {
          create: [
            { questionId: q1.id, position: 0, points: 5, response: [a === 5 ? "A" : "B"], score: a, correct: a === 5 },
            { questionId: q2.id, position: 1, points: 5, response: [b > 2], score: b, correct: b === 5 },
          ],
        },
      },
    });
  // Marks per question are whatever a marker gave; only the totals matter here: quiz 1 (HIGHEST) student 4 then 8
  // → 80, student2 5 → 50; quiz 2 (LAST) student 9 then 3 → 30, student2 7 → 70.
  await attempt(quiz1.id, s.student.id, 1, 0, 4, shanghai("2026-09-09"));
  await attempt(quiz1.id, s.student.id, 2, 5, 3, shanghai("2026-09-09", "09:00"));
  await attempt(quiz1.id, s.student2.id, 1, 5, 0, shanghai("2026-09-09"));
  await attempt(quiz2.id, s.student.id, 1, 5, 4, shanghai("2026-09-16"));
  await attempt(quiz2.id, s.student.id, 2, 0, 3, shanghai("2026-09-16", "09:00"));
  await attempt(quiz2.id, s.student2.id, 1, 5, 2, shanghai("2026-09-16"));

  const homework = await db.homework.create({
    data: { courseId: s.course.id, lessonId: l2.id, title: "病例分析报告", status: "PUBLISHED", publishedAt: shanghai("2026-09-15"), dueAt: shanghai("2026-09-20", "23:00") },
  });
  await db.homework.create({
    data: { courseId: s.course.id, title: "期中小结", status: "PUBLISHED", publishedAt: shanghai("2026-09-15"), dueAt: shanghai("2026-10-30", "23:00") },
  });
  await db.homeworkSubmission.createMany({
    data: [
      { homeworkId: homework.id, userId: s.student.id, submittedAt: shanghai("2026-09-19"), lateMinutes: 0, score: 90 },
      { homeworkId: homework.id, userId: s.student2.id, submittedAt: shanghai("2026-09-21"), lateMinutes: 30, score: 70 },
    ],
  });

  const evaluation = async (title: string, overall: number[]) =>
    db.evaluation.create({
      data: {
        courseId: s.course.id,
        title,
        items: [{ id: "overall", text: "总体满意度" }],
        opensAt: shanghai("2026-09-20"),
        closesAt: shanghai("2026-09-30"),
        responses: { create: overall.map((rating) => ({ ratings: { overall: rating }, day: new Date("2026-09-21T00:00:00Z") })) },
      },
    });
  await evaluation("期中评教", [4, 4, 5, 3, 4]);
  await evaluation("第2讲评教", [1, 1, 1, 1]);

  await db.wechatBinding.createMany({
    data: [
      { userId: s.student.id, openid: `o-${s.student.id}` },
      { userId: s.student2.id, openid: `o-${s.student2.id}`, status: "UNBOUND" },
    ],
  });
  await db.pushMessage.createMany({
    data: (["SENT", "DELIVERED", "FAILED", "SKIPPED"] as const)
      .map((status, i) => ({ userId: i < 3 ? s.student.id : s.student2.id, status, dedupeKey: `${s.course.id}-${i}` }))
      .map((row) => ({ ...row, kind: "QUIZ_PUBLISHED", courseId: s.course.id, title: "课后测验", url: "/", createdAt: shanghai("2026-09-10") })),
  });

  // A course of the other department, with a student of the same class, that no one above may see into.
  const otherCourse = await makeCourse(s.otherDept.id, [{ userId: s.outsider.id, role: "STUDENT" }]);
  await db.user.update({ where: { id: s.outsider.id }, data: { classId: cls.id } });
  const otherTeacher2 = await db.user.create({ data: { no: `t-${otherCourse.id}`, name: "外系教师", role: "TEACHER", departmentId: s.otherDept.id, passwordHash: "x" } });
  await db.courseMember.create({ data: { courseId: otherCourse.id, userId: otherTeacher2.id, role: "TEACHER" } });
  const otherLesson = await db.lesson.create({
    data: { courseId: otherCourse.id, position: 0, title: "外系课", startsAt: shanghai("2026-09-09"), endsAt: shanghai("2026-09-09", "09:40") },
  });

  return { ...s, cls, lessons: [l1, l2, l3], quizzes: [quiz1, quiz2], questions: [q1, q2], homework, otherCourse, otherLesson, otherCourseTeacher: otherTeacher2 };
}

/**
 * A peer review of the fixture's course, graded: `student`'s submission at `grades.student`, `student2`'s at
 * `grades.student2`, and `student2` reviewed `student`'s (grade for reviewing `student2Reviewing`), so the activity
 * grades are student: grades.student, student2: 80 % × grades.student2 + 20 % × student2Reviewing.
 */
export async function makePeerReview(
  s: Awaited<ReturnType<typeof makeAnalyticsSchool>>,
  options: { title: string; releasedAt: Date | null; grades: { student: number; student2: number }; student2Reviewing: number; assessmentItemId?: string },
) {
  const activity = await db.peerReview.create({
    data: {
      courseId: s.course.id,
      title: options.title,
      phase: options.releasedAt ? "CLOSED" : "GRADING",
      rubric: [],
      submissionWeight: 80,
      gradesReleasedAt: options.releasedAt,
      assessmentItemId: options.assessmentItemId ?? null,
    },
  });
  const submission = async (authorId: string, grade: number) =>
    db.peerSubmission.create({ data: { activityId: activity.id, authorId, text: "病例分析", grade, submittedAt: shanghai("2026-09-10") } });
  const own = await submission(s.student.id, options.grades.student);
  await submission(s.student2.id, options.grades.student2);
  await db.peerAssessment.create({
    data: { submissionId: own.id, reviewerId: s.student2.id, kind: "PEER", alias: "评审人 A", score: 80, submittedAt: shanghai("2026-09-12"), reviewGrade: options.student2Reviewing },
  });
  return activity;
}
