// Large-school seed: `DATABASE_URL=.data/pglite-large npm run seed:large` (or a postgres:// URL).
// 20 departments, 2,000 students in 50 classes, 60 courses, and a full 16-week term that ended last Sunday: lessons
// with objectives, pre-class packages and feedback, sign-ins, topics and answers, 不懂 presses, a question bank,
// quizzes with attempts and per-question answers, mistake-book items, practice, homework with submissions,
// evaluations, WeChat bindings and pushes, competencies and at-risk thresholds. Everything is written by
// INSERT … SELECT over generate_series in one transaction (no per-row round trips), deterministic from the ids
// (hashtext), so two runs give the same school. Refuses a database that already has users: point DATABASE_URL at a
// separate PGlite directory (not the demo's .data/pglite) or an empty PostgreSQL schema.
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import type { PrismaClient } from "@/generated/prisma/client";

export const LARGE = {
  departments: 20,
  coursesPerDepartment: 3,
  classes: 50,
  studentsPerClass: 40,
  classesPerCourse: 4,
  weeks: 16,
  lessonsPerWeek: 2,
  objectivesPerLesson: 2,
  bankPerCourse: 60,
  quizzes: 8,
  questionsPerQuiz: 10,
  homework: 4,
} as const;

const COURSES = LARGE.departments * LARGE.coursesPerDepartment;
const STUDENTS = LARGE.classes * LARGE.studentsPerClass;
const LESSONS = LARGE.weeks * LARGE.lessonsPerWeek;
export const LARGE_TERM = "2026-2027-1";
export const LARGE_PASSWORD = "medblend2026";

const DEPARTMENTS = [
  "内科学", "外科学", "妇产科学", "儿科学", "诊断学", "病理学", "生理学", "药理学", "人体解剖学", "组织胚胎学",
  "生物化学", "医学微生物学", "医学免疫学", "预防医学", "神经病学", "精神病学", "眼科学", "耳鼻咽喉科学", "皮肤性病学", "急诊医学",
];
const MAJORS = ["临床医学", "口腔医学", "预防医学", "麻醉学", "医学影像学"];
const SYSTEMS = ["心血管", "呼吸", "消化", "泌尿", "神经", "内分泌", "血液", "运动"];
const ABILITIES = ["基础知识", "临床思维", "预防与健康", "医患沟通"];
/** After 本科医学教育标准 — 临床医学专业 (2022): four domains, plus the organ systems the bank is tagged by. */
const COMPETENCIES = [
  { code: "SA", name: "科学和学术", nameEn: "Science and scholarship", tags: ["能力:基础知识"] },
  { code: "CC", name: "临床能力", nameEn: "Clinical competence", tags: ["能力:临床思维"] },
  { code: "HS", name: "健康与社会", nameEn: "Health and society", tags: ["能力:预防与健康"] },
  { code: "PR", name: "职业素养", nameEn: "Professionalism", tags: ["能力:医患沟通"] },
  { code: "CV", name: "心血管系统疾病", nameEn: "Cardiovascular disease", tags: ["系统:心血管"] },
  { code: "RS", name: "呼吸系统疾病", nameEn: "Respiratory disease", tags: ["系统:呼吸"] },
  { code: "GI", name: "消化系统疾病", nameEn: "Digestive disease", tags: ["系统:消化"] },
  { code: "NS", name: "神经系统疾病", nameEn: "Neurological disease", tags: ["系统:神经"] },
];

const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;
const arr = (items: readonly string[]) => `ARRAY[${items.map(lit).join(", ")}]::text[]`;
const pad = (expr: string, width: number) => `lpad((${expr})::text, ${width}, '0')`;
/** A deterministic number in [0, 1) from a text expression. */
const R = (expr: string) => `((abs(hashtext(${expr})::bigint) % 10000) / 10000.0)`;
/** A student's ability, 0.15–0.95. */
const ABILITY = (user: string) => `(0.15 + 0.8 * ${R(`${user} || ':a'`)})`;
/** 6% of students slide during the term (falling scores), by up to half their ability by the end. */
const DRIFT = (user: string) => `(CASE WHEN ${R(`${user} || ':d'`)} < 0.06 THEN 0.5 ELSE 0 END)`;
/** 2% of students stop doing anything after week 10 (lesson position ≥ 20). */
const ACTIVE = (user: string, position: string) => `NOT (${R(`${user} || ':q'`)} < 0.02 AND ${position} >= 20)`;
/** Ability at a point of the term (position 0…LESSONS−1). */
const ABILITY_AT = (user: string, position: string) => `(${ABILITY(user)} - ${DRIFT(user)} * (${position})::float / ${LESSONS})`;

export interface SeedReport {
  rows: Record<string, number>;
  ms: number;
  /** Of which building the analytics summaries (lib/analytics/summaries.ts). */
  summaryMs: number;
  termStart: Date;
}

/** Monday 00:00 Asia/Shanghai, `weeks` weeks before the week of `now`, so that the 16-week term ended last Sunday. */
export function largeTermStart(now: Date): Date {
  const local = new Date(now.getTime() + 8 * 3600_000);
  const weekday = (local.getUTCDay() + 6) % 7;
  const monday = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - weekday) - 8 * 3600_000;
  return new Date(monday - LARGE.weeks * 7 * 86_400_000);
}

export async function seedLargeSchool(prisma: PrismaClient, options: { now?: Date; passwordHash: string; log?: (line: string) => void }): Promise<SeedReport> {
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});
  const termStart = largeTermStart(now);
  const T0 = termStart.getTime() / 1000;
  /** A timestamp from epoch seconds (timestamp(3) columns hold UTC). */
  const at = (seconds: string) => `(timestamp '1970-01-01 00:00:00' + (${seconds}) * interval '1 second')`;
  /** Start of lesson k (1…LESSONS) of course c: two a week, Mon–Fri, 08:00–14:00 Shanghai. */
  const lessonStart = (c: string, k: string) =>
    at(`${T0} + ((${k} - 1) / ${LARGE.lessonsPerWeek}) * 604800 + ((${c}) % 3 + ((${k} - 1) % 2) * 2) * 86400 + 8 * 3600 + ((${c}) % 4) * 7200`);
  const rows: Record<string, number> = {};
  const started = performance.now();

  await prisma.$transaction(
    async (tx) => {
      const existing = await tx.user.count();
      if (existing > 0) throw new Error(`the database already has ${existing} users; seed:large needs an empty database`);
      /** Runs one statement; `counted: false` for updates of rows already counted. */
      const run = async (table: string, sql: string, counted = true) => {
        const t = performance.now();
        const count = await tx.$executeRawUnsafe(sql);
        if (counted) rows[table] = (rows[table] ?? 0) + count;
        log(`${table.padEnd(22)} ${String(count).padStart(9)} rows  ${((performance.now() - t) / 1000).toFixed(1)} s`);
      };
      const hash = lit(options.passwordHash);

      await run("AcademicTerm", `INSERT INTO "AcademicTerm"(code, "startsOn", weeks)
        VALUES (${lit(LARGE_TERM)}, date ${lit(new Date(termStart.getTime() + 8 * 3600_000).toISOString().slice(0, 10))}, ${LARGE.weeks})`);
      await run("Department", `INSERT INTO "Department"(id, code, name, "nameEn", "updatedAt")
        SELECT 'lgd' || ${pad("d", 2)}, 'LG' || ${pad("d", 2)}, (${arr(DEPARTMENTS)})[d] || '教研室', NULL, now()
        FROM generate_series(1, ${LARGE.departments}) d`);
      await run("Class", `INSERT INTO "Class"(id, name, grade, major, "departmentId")
        SELECT 'lgk' || ${pad("k", 2)}, '2024级' || (${arr(MAJORS)})[(k - 1) % ${MAJORS.length} + 1] || ((k - 1) / ${MAJORS.length} + 1) || '班',
               2024, (${arr(MAJORS)})[(k - 1) % ${MAJORS.length} + 1], 'lgd' || ${pad(`(k - 1) % ${LARGE.departments} + 1`, 2)}
        FROM generate_series(1, ${LARGE.classes}) k`);
      await run("User", `INSERT INTO "User"(id, no, name, role, "departmentId", "passwordHash", "updatedAt")
        SELECT 'lgadmin', 'lgadmin', '系统管理员', 'ADMIN'::"Role", NULL, ${hash}, now()
        UNION ALL
        SELECT 'lgda' || ${pad("d", 2)}, 'lgd' || ${pad("d", 2)}, (${arr(DEPARTMENTS)})[d] || '教研室主任', 'DEPT_ADMIN'::"Role", 'lgd' || ${pad("d", 2)}, ${hash}, now()
          FROM generate_series(1, ${LARGE.departments}) d
        UNION ALL
        SELECT 'lgt' || ${pad("t", 3)}, 'lgt' || ${pad("t", 3)}, '教师' || t, 'TEACHER'::"Role", 'lgd' || ${pad(`(t - 1) / ${2 * LARGE.coursesPerDepartment} + 1`, 2)}, ${hash}, now()
          FROM generate_series(1, ${2 * COURSES}) t`);
      await run("User", `INSERT INTO "User"(id, no, name, role, "classId", "passwordHash", "updatedAt")
        SELECT 'lgs' || ${pad("s", 4)}, '2024' || ${pad("s", 6)}, '学生' || s, 'STUDENT', 'lgk' || ${pad(`(s - 1) / ${LARGE.studentsPerClass} + 1`, 2)}, ${hash}, now()
        FROM generate_series(1, ${STUDENTS}) s`);
      await run("Course", `INSERT INTO "Course"(id, code, title, term, "departmentId", credits, hours, "updatedAt")
        SELECT 'lgc' || ${pad("c", 2)}, 'LG' || ${pad("c", 3)}, (${arr(DEPARTMENTS)})[(c - 1) / ${LARGE.coursesPerDepartment} + 1] || (${arr(["（一）", "（二）", "（实验）"])})[(c - 1) % 3 + 1],
               ${lit(LARGE_TERM)}, 'lgd' || ${pad(`(c - 1) / ${LARGE.coursesPerDepartment} + 1`, 2)}, 3, ${LESSONS * 2}, now()
        FROM generate_series(1, ${COURSES}) c`);
      await run("CourseObjective", `INSERT INTO "CourseObjective"(id, "courseId", position, text)
        SELECT 'lgco' || ${pad("c", 2)} || o, 'lgc' || ${pad("c", 2)}, o, '课程目标' || (o + 1) || '：' || (${arr(ABILITIES)})[o + 1]
        FROM generate_series(1, ${COURSES}) c, generate_series(0, 3) o`);
      await run("AssessmentItem", `INSERT INTO "AssessmentItem"(id, "courseId", position, name, weight)
        SELECT 'lgai' || ${pad("c", 2)} || p, 'lgc' || ${pad("c", 2)}, p, (ARRAY['课后测验', '作业', '期末考试'])[p + 1], (ARRAY[30, 20, 50])[p + 1]
        FROM generate_series(1, ${COURSES}) c, generate_series(0, 2) p`);
      await run("CourseMember", `INSERT INTO "CourseMember"(id, "courseId", "userId", role, "createdAt")
        SELECT 'lgm' || ${pad("c", 2)} || 't' || r, 'lgc' || ${pad("c", 2)}, 'lgt' || ${pad(`2 * c - 1 + r`, 3)},
               (ARRAY['TEACHER', 'ASSISTANT'])[r + 1]::"CourseRole", ${at(`${T0} - 14 * 86400`)}
        FROM generate_series(1, ${COURSES}) c, generate_series(0, 1) r`);
      await run("CourseMember", `INSERT INTO "CourseMember"(id, "courseId", "userId", role, "createdAt")
        SELECT 'lgm' || ${pad("c", 2)} || 's' || ${pad("x.s", 4)}, 'lgc' || ${pad("c", 2)}, 'lgs' || ${pad("x.s", 4)}, 'STUDENT', ${at(`${T0} - 7 * 86400`)}
        FROM generate_series(1, ${COURSES}) c, generate_series(0, ${LARGE.classesPerCourse - 1}) k, generate_series(1, ${LARGE.studentsPerClass}) j,
             LATERAL (SELECT (((c - 1) * ${LARGE.classesPerCourse} + k) % ${LARGE.classes}) * ${LARGE.studentsPerClass} + j AS s) x`);
      await run("Lesson", `INSERT INTO "Lesson"(id, "courseId", position, title, "startsAt", "endsAt", room, "updatedAt")
        SELECT 'lgl' || ${pad("c", 2)} || ${pad("k", 2)}, 'lgc' || ${pad("c", 2)}, k - 1, '第' || k || '讲 ' || (${arr(SYSTEMS)})[(k - 1) % 8 + 1] || '系统',
               ${lessonStart("c", "k")}, ${lessonStart("c", "k")} + interval '100 minutes', '教学楼' || (c % 9 + 1) || '0' || (k % 5 + 1), now()
        FROM generate_series(1, ${COURSES}) c, generate_series(1, ${LESSONS}) k`);
      await run("LessonObjective", `INSERT INTO "LessonObjective"(id, "lessonId", position, text)
        SELECT l.id || 'o' || o, l.id, o, (ARRAY['掌握', '理解'])[o + 1] || '本讲要点' || (o + 1)
        FROM "Lesson" l, generate_series(0, ${LARGE.objectivesPerLesson - 1}) o`);
      await run("PreClassPackage", `INSERT INTO "PreClassPackage"(id, "lessonId", material, status, "opensAt", "closesAt", "publishedAt", "updatedAt")
        SELECT 'lgpk' || substr(l.id, 4), l.id, '预习材料', 'PUBLISHED', l."startsAt" - interval '3 days', l."startsAt" - interval '1 hour', l."startsAt" - interval '3 days', now()
        FROM "Lesson" l`);
      await run("PreClassFeedback", `INSERT INTO "PreClassFeedback"(id, "lessonId", "studentId", unclear, questions, "createdAt", "updatedAt")
        SELECT 'lgf' || substr(l.id, 4) || substr(cm."userId", 4), l.id, cm."userId",
               CASE WHEN ${R(`l.id || cm."userId" || ':u'`)} < 0.25 THEN '杂音的分级还不太清楚' ELSE '' END, '',
               l."startsAt" - (1 + 40 * ${R(`l.id || cm."userId" || ':t'`)}) * interval '1 hour', l."startsAt" - interval '1 hour'
        FROM "Lesson" l JOIN "CourseMember" cm ON cm."courseId" = l."courseId" AND cm.role = 'STUDENT'
        WHERE ${R(`l.id || cm."userId" || ':f'`)} < 0.45 + 0.5 * ${ABILITY_AT('cm."userId"', "l.position")} AND ${ACTIVE('cm."userId"', "l.position")}`);
      await run("FeedbackRating", `INSERT INTO "FeedbackRating"(id, "feedbackId", "objectiveId", confidence)
        SELECT f.id || 'r' || o.position, f.id, o.id,
               LEAST(5, GREATEST(1, 1 + floor(4.99 * (0.5 * ${ABILITY('f."studentId"')} + 0.5 * ${R(`f.id || o.id`)})))::int)
        FROM "PreClassFeedback" f JOIN "LessonObjective" o ON o."lessonId" = f."lessonId"`);
      await run("LessonPlanVersion", `INSERT INTO "LessonPlanVersion"(id, "lessonId", version, content, "changeNote", "createdAt")
        SELECT 'lgv' || substr(l.id, 4), l.id, 1, '# 教案', '根据课前反馈增加杂音分级讲解', l."startsAt" - interval '30 minutes'
        FROM "Lesson" l WHERE l.position % 4 = 1`);
      await run("PlanVersionFeedback", `INSERT INTO "PlanVersionFeedback"("versionId", "feedbackId")
        SELECT v.id, f.id FROM "LessonPlanVersion" v JOIN "PreClassFeedback" f ON f."lessonId" = v."lessonId"
        WHERE v.id LIKE 'lgv%' AND f.unclear <> '' AND ${R("f.id")} < 0.2`);
      await run("SignInSession", `INSERT INTO "SignInSession"(id, "lessonId", secret, "openedAt", "lateAfter", "closedAt")
        SELECT 'lgss' || substr(l.id, 4), l.id, md5(l.id), l."startsAt" - interval '5 minutes', l."startsAt" + interval '5 minutes', l."startsAt" + interval '20 minutes'
        FROM "Lesson" l`);
      await run("Attendance", `INSERT INTO "Attendance"(id, "lessonId", "studentId", status, "checkedInAt", "createdAt")
        SELECT 'lgat' || substr(l.id, 4) || substr(cm."userId", 4), l.id, cm."userId", x.status::"AttendanceStatus",
               CASE WHEN x.status = 'PRESENT' THEN l."startsAt" - interval '3 minutes' WHEN x.status = 'LATE' THEN l."startsAt" + interval '8 minutes' END,
               l."startsAt" + interval '20 minutes'
        FROM "Lesson" l JOIN "CourseMember" cm ON cm."courseId" = l."courseId" AND cm.role = 'STUDENT'
        CROSS JOIN LATERAL (SELECT CASE
          WHEN NOT (${ACTIVE('cm."userId"', "l.position")}) THEN 'ABSENT'
          WHEN ${R(`l.id || cm."userId" || ':s'`)} < 0.72 + 0.25 * ${ABILITY('cm."userId"')} THEN 'PRESENT'
          WHEN ${R(`l.id || cm."userId" || ':l'`)} < 0.4 THEN 'LATE' ELSE 'ABSENT' END AS status) x`);
      await run("Topic", `INSERT INTO "Topic"(id, "lessonId", kind, prompt, options, status, "openedAt", "closedAt")
        SELECT 'lgtp' || substr(l.id, 4), l.id, CASE WHEN l.position % 2 = 0 THEN 'DISCUSSION' ELSE 'POLL_SINGLE' END::"TopicKind",
               CASE WHEN l.position % 2 = 0 THEN '本讲病例的初步诊断是什么？' ELSE '首选的检查是？' END,
               CASE WHEN l.position % 2 = 0 THEN ARRAY[]::text[] ELSE ARRAY['心电图', '超声心动图', '胸片', 'CT'] END,
               'CLOSED', l."startsAt" + interval '30 minutes', l."startsAt" + interval '40 minutes'
        FROM "Lesson" l`);
      await run("TopicAnswer", `INSERT INTO "TopicAnswer"(id, "topicId", "studentId", text, choices, source, "createdAt", "updatedAt")
        SELECT t.id || substr(cm."userId", 4), t.id, cm."userId", CASE WHEN t.kind = 'DISCUSSION' THEN '考虑二尖瓣狭窄' ELSE '' END,
               CASE WHEN t.kind = 'DISCUSSION' THEN ARRAY[]::int[] ELSE ARRAY[floor(4 * ${R(`t.id || cm."userId" || ':c'`)})::int] END,
               CASE WHEN ${R(`cm."userId" || ':w'`)} < 0.6 THEN 'WECHAT' ELSE 'WEB' END::"AnswerSource",
               t."openedAt" + interval '2 minutes', t."openedAt" + interval '2 minutes'
        FROM "Topic" t JOIN "Lesson" l ON l.id = t."lessonId" JOIN "CourseMember" cm ON cm."courseId" = l."courseId" AND cm.role = 'STUDENT'
        WHERE ${R(`t.id || cm."userId"`)} < 0.35 + 0.6 * ${ABILITY('cm."userId"')} AND ${ACTIVE('cm."userId"', "l.position")}`);
      await run("LostSignal", `INSERT INTO "LostSignal"(id, "lessonId", "studentId", "createdAt")
        SELECT 'lgls' || substr(l.id, 4) || substr(cm."userId", 4), l.id, cm."userId",
               l."startsAt" + (20 + 60 * ${R(`l.id || ':peak'`)} + 6 * ${R(`l.id || cm."userId" || ':m'`)}) * interval '1 minute'
        FROM "Lesson" l JOIN "CourseMember" cm ON cm."courseId" = l."courseId" AND cm.role = 'STUDENT'
        WHERE ${R(`l.id || cm."userId" || ':x'`)} < 0.18 * (1 - ${ABILITY('cm."userId"')}) + 0.02 AND ${ACTIVE('cm."userId"', "l.position")}`);

      // The bank: 60 questions per course, 4 in 5 single choice (keys A–D), the rest true/false; ~3% with a wrong key.
      // Tagged by system, ability, discipline and the lesson objective tested (目标:本讲要点n, see LessonObjective).
      await run("Question", `INSERT INTO "Question"(id, "courseId", type, stem, options, answer, difficulty, tags, shared, "updatedAt")
        SELECT 'lgq' || ${pad("c", 2)} || ${pad("j", 2)}, 'lgc' || ${pad("c", 2)},
               CASE WHEN j % 5 = 0 THEN 'TRUE_FALSE' ELSE 'SINGLE' END::"QuestionType",
               '题目 ' || c || '-' || j || '：' || (${arr(SYSTEMS)})[(j - 1) % 8 + 1] || '系统相关知识',
               CASE WHEN j % 5 = 0 THEN '[]'::jsonb ELSE '[{"key":"A","text":"选项A"},{"key":"B","text":"选项B"},{"key":"C","text":"选项C"},{"key":"D","text":"选项D"}]'::jsonb END,
               CASE WHEN j % 5 = 0 THEN jsonb_build_array(j % 2 = 0) ELSE jsonb_build_array(chr(65 + j % 4)) END,
               1 + j % 5,
               ARRAY['系统:' || (${arr(SYSTEMS)})[(j - 1) % 8 + 1], '能力:' || (${arr(ABILITIES)})[(j - 1) % 4 + 1],
                     '学科:' || (${arr(DEPARTMENTS)})[(c - 1) / ${LARGE.coursesPerDepartment} + 1], '目标:本讲要点' || (1 + j % ${LARGE.objectivesPerLesson})],
               j % 10 = 1, now()
        FROM generate_series(1, ${COURSES}) c, generate_series(1, ${LARGE.bankPerCourse}) j`);
      // Quiz m follows the week's second lesson of week 2m; half allow two attempts (HIGHEST), a quarter count the LAST.
      await run("Quiz", `INSERT INTO "Quiz"(id, "courseId", "lessonId", "assessmentItemId", title, status, "opensAt", "closesAt", "attemptsAllowed", scoring, "passPercent", "publishedAt", "createdAt", "updatedAt")
        SELECT 'lgz' || ${pad("c", 2)} || m, 'lgc' || ${pad("c", 2)}, l.id, 'lgai' || ${pad("c", 2)} || '0', '第' || m || '次课后测验', 'PUBLISHED',
               l."endsAt", l."endsAt" + interval '3 days', 1 + m % 2, (ARRAY['HIGHEST', 'LAST', 'HIGHEST', 'AVERAGE'])[m % 4 + 1]::"AttemptScoring", 60,
               l."endsAt", l."endsAt" - interval '1 day', now()
        FROM generate_series(1, ${COURSES}) c CROSS JOIN generate_series(1, ${LARGE.quizzes}) m
        JOIN "Lesson" l ON l.id = 'lgl' || ${pad("c", 2)} || ${pad(`4 * m`, 2)}`);
      await run("QuizQuestion", `INSERT INTO "QuizQuestion"(id, "quizId", "questionId", position, points)
        SELECT z.id || 'q' || p, z.id, 'lgq' || substr(z.id, 4, 2) || ${pad(`((right(z.id, 1)::int - 1) * 7 + p) % ${LARGE.bankPerCourse} + 1`, 2)}, p, 10
        FROM "Quiz" z, generate_series(0, ${LARGE.questionsPerQuiz - 1}) p`);
      await run("QuizAttempt", `INSERT INTO "QuizAttempt"(id, "quizId", "userId", number, status, "startedAt", "deadlineAt", "submittedAt", "maxScore", "createdAt", "updatedAt")
        SELECT 'lga' || substr(z.id, 4) || substr(cm."userId", 4) || n, z.id, cm."userId", n, 'SUBMITTED',
               z."opensAt" + (n * 20 + 2000 * ${R(`z.id || cm."userId"`)}) * interval '1 minute', z."closesAt",
               z."opensAt" + (n * 20 + 15 + 2000 * ${R(`z.id || cm."userId"`)}) * interval '1 minute', ${LARGE.questionsPerQuiz * 10},
               z."opensAt", now()
        FROM "Quiz" z JOIN "Lesson" l ON l.id = z."lessonId"
        JOIN "CourseMember" cm ON cm."courseId" = z."courseId" AND cm.role = 'STUDENT'
        CROSS JOIN generate_series(1, 2) n
        WHERE ${R(`z.id || cm."userId" || ':z'`)} < 0.8 + 0.2 * ${ABILITY('cm."userId"')} AND ${ACTIVE('cm."userId"', "l.position")}
          AND (n = 1 OR (z."attemptsAllowed" = 2 AND ${R(`z.id || cm."userId" || ':2'`)} < 0.25))`);
      // Right with a chance that grows with ability and falls with difficulty — reversed for the few wrong keys, so
      // that item analysis has something to find.
      await run("AttemptQuestion", `INSERT INTO "AttemptQuestion"(id, "attemptId", "questionId", position, points, response, score, correct, "savedAt")
        SELECT a.id || '-' || qq.position, a.id, qq."questionId", qq.position, qq.points,
               CASE WHEN q.type = 'TRUE_FALSE' THEN jsonb_build_array(CASE WHEN x.ok THEN (q.answer ->> 0)::boolean ELSE NOT (q.answer ->> 0)::boolean END)
                    ELSE jsonb_build_array(CASE WHEN x.ok THEN q.answer ->> 0
                         ELSE chr(65 + (ascii(q.answer ->> 0) - 65 + 1 + floor(3 * ${R(`a.id || q.id || ':o'`)})::int) % 4) END) END,
               CASE WHEN x.ok THEN qq.points ELSE 0 END, x.ok, a."submittedAt"
        FROM "QuizAttempt" a JOIN "Quiz" z ON z.id = a."quizId" JOIN "Lesson" l ON l.id = z."lessonId"
        JOIN "QuizQuestion" qq ON qq."quizId" = a."quizId" JOIN "Question" q ON q.id = qq."questionId"
        CROSS JOIN LATERAL (SELECT p, CASE WHEN ${R(`q.id || ':bad'`)} < 0.03 THEN 1.1 - p ELSE p END AS pr
          FROM (SELECT LEAST(0.97, GREATEST(0.05, ${ABILITY_AT('a."userId"', "l.position")} + 0.2 - 0.1 * (q.difficulty - 3) + 0.05 * a.number)) AS p) p0) pp
        CROSS JOIN LATERAL (SELECT ${R(`a.id || q.id`)} < pp.pr AS ok) x`);
      await run("QuizAttempt", `UPDATE "QuizAttempt" a SET score = s.total FROM (
          SELECT "attemptId", sum(score) AS total FROM "AttemptQuestion" GROUP BY "attemptId") s
        WHERE s."attemptId" = a.id`, false);
      await run("MistakeItem", `INSERT INTO "MistakeItem"(id, "userId", "questionId", "courseId", box, "dueAt", "wrongCount", "lastWrongAt", "masteredAt", "createdAt", "updatedAt")
        SELECT DISTINCT ON (a."userId", aq."questionId") 'lgmi' || substr(a.id, 4) || aq.position, a."userId", aq."questionId", z."courseId",
               1 + floor(4 * ${R(`a.id || aq.position || ':b'`)})::int, a."submittedAt" + interval '2 days', 1, a."submittedAt",
               CASE WHEN ${R(`a.id || aq.position || ':ms'`)} < 0.3 THEN a."submittedAt" + interval '10 days' END, a."submittedAt", now()
        FROM "AttemptQuestion" aq JOIN "QuizAttempt" a ON a.id = aq."attemptId" JOIN "Quiz" z ON z.id = a."quizId"
        WHERE aq.correct = false AND right(z.id, 1)::int >= ${LARGE.quizzes - 2}
        ORDER BY a."userId", aq."questionId", a.number`);
      await run("PracticeAnswer", `INSERT INTO "PracticeAnswer"(id, "userId", "questionId", "courseId", source, response, correct, "createdAt")
        SELECT 'lgpa' || substr(cm.id, 4) || n, cm."userId", 'lgq' || substr(cm."courseId", 4, 2) || ${pad(`(n * 13 + abs(hashtext(cm.id)) % 50) % ${LARGE.bankPerCourse} + 1`, 2)},
               cm."courseId", 'PRACTICE', '["A"]'::jsonb, ${R(`cm.id || n`)} < ${ABILITY('cm."userId"')},
               ${at(`${T0} + (7 + 100 * ${R(`cm.id || n || ':t'`)}) * 86400`)}
        FROM "CourseMember" cm CROSS JOIN generate_series(1, 2) n
        WHERE cm.role = 'STUDENT' AND cm.id LIKE 'lgm%' AND ${R(`cm.id || ':p'`)} < 0.5`);
      // Homework due at the end of weeks 4, 8, 12 and 16 (Sunday 23:00 Shanghai).
      await run("Homework", `INSERT INTO "Homework"(id, "courseId", "assessmentItemId", title, status, "publishedAt", "dueAt", points, "gradesReleasedAt", "createdAt", "updatedAt")
        SELECT 'lgh' || ${pad("c", 2)} || h, 'lgc' || ${pad("c", 2)}, 'lgai' || ${pad("c", 2)} || '1', '病例分析作业' || h, 'PUBLISHED',
               ${at(`${T0} + (h * 4 - 2) * 604800`)}, ${at(`${T0} + h * 4 * 604800 - 3600`)}, 100, ${at(`${T0} + h * 4 * 604800 + 3 * 86400`)},
               ${at(`${T0} + (h * 4 - 2) * 604800`)}, now()
        FROM generate_series(1, ${COURSES}) c, generate_series(1, ${LARGE.homework}) h`);
      await run("HomeworkSubmission", `INSERT INTO "HomeworkSubmission"(id, "homeworkId", "userId", text, "submittedAt", "lateMinutes", "rawScore", deduction, score, "gradedAt", "createdAt", "updatedAt")
        SELECT 'lghs' || substr(h.id, 4) || substr(cm."userId", 4), h.id, cm."userId", '作业正文', h."dueAt" + x.late * interval '1 minute' - interval '1 day' * (x.late = 0)::int,
               x.late, x.raw, 0, x.raw, h."dueAt" + interval '2 days', h."dueAt" - interval '1 day', now()
        FROM "Homework" h JOIN "CourseMember" cm ON cm."courseId" = h."courseId" AND cm.role = 'STUDENT'
        CROSS JOIN LATERAL (SELECT
          CASE WHEN ${R(`h.id || cm."userId" || ':late'`)} < 0.25 - 0.2 * ${ABILITY('cm."userId"')} THEN (30 + floor(2000 * ${R(`h.id || cm."userId" || ':lm'`)}))::int ELSE 0 END AS late,
          round((40 + 55 * ${ABILITY_AT('cm."userId"', `(right(h.id, 1)::int * 8 - 1)`)} + 10 * ${R(`h.id || cm."userId" || ':sc'`)})::numeric, 1)::float8 AS raw) x
        WHERE ${R(`h.id || cm."userId"`)} < 0.7 + 0.28 * ${ABILITY('cm."userId"')} AND ${ACTIVE('cm."userId"', `(right(h.id, 1)::int * 8 - 1)`)}`);
      await run("Evaluation", `INSERT INTO "Evaluation"(id, "courseId", title, items, "opensAt", "closesAt", "updatedAt")
        SELECT 'lge' || ${pad("c", 2)}, 'lgc' || ${pad("c", 2)}, '期末评教',
               '[{"id":"clarity","text":"教学内容组织清晰，重点突出"},{"id":"materials","text":"课前预习材料与病例对学习有帮助"},{"id":"interaction","text":"课堂讨论与互动充分"},{"id":"feedback","text":"老师重视并采纳了学生的反馈"},{"id":"overall","text":"总体而言，我对本课程感到满意"}]'::jsonb,
               ${at(`${T0} + 14 * 604800`)}, ${at(`${T0} + 16 * 604800 - 3600`)}, now()
        FROM generate_series(1, ${COURSES}) c`);
      await run("EvaluationRespondent", `INSERT INTO "EvaluationRespondent"(id, "evaluationId", "userId", "createdAt")
        SELECT 'lger' || substr(e.id, 4) || substr(cm."userId", 4), e.id, cm."userId", e."opensAt" + interval '2 days'
        FROM "Evaluation" e JOIN "CourseMember" cm ON cm."courseId" = e."courseId" AND cm.role = 'STUDENT'
        WHERE e.id LIKE 'lge%' AND ${R(`e.id || cm."userId"`)} < 0.55`);
      // Kept apart from the respondents (anonymity): random ids, the day only, no order to match them by.
      await run("EvaluationResponse", `INSERT INTO "EvaluationResponse"(id, "evaluationId", ratings, comment, day)
        SELECT md5(r.id || ':resp')::uuid::text, r."evaluationId",
               jsonb_build_object('clarity', x.base, 'materials', LEAST(5, x.base + 1), 'interaction', x.base, 'feedback', GREATEST(1, x.base - 1), 'overall', x.base),
               '', (r."createdAt")::date
        FROM "EvaluationRespondent" r
        CROSS JOIN LATERAL (SELECT (3 + floor(2.99 * ${R(`r.id || ':o'`)} * ${R(`r."evaluationId" || ':q'`)} + ${R(`r."evaluationId"`)}))::int AS base) x
        WHERE r.id LIKE 'lger%'`);
      await run("WechatBinding", `INSERT INTO "WechatBinding"(id, "userId", openid, status, subscribed, "boundAt", "updatedAt")
        SELECT 'lgwb' || substr(u.id, 4), u.id, 'o_lg_' || u.id, x.status::"WechatBindingStatus", x.status = 'ACTIVE', ${at(`${T0} - 3 * 86400`)}, now()
        FROM "User" u CROSS JOIN LATERAL (SELECT CASE
          WHEN ${R(`u.id || ':wb'`)} < 0.82 THEN 'ACTIVE' WHEN ${R(`u.id || ':wb'`)} < 0.86 THEN 'UNBOUND' WHEN ${R(`u.id || ':wb'`)} < 0.89 THEN 'UNREACHABLE' END AS status) x
        WHERE u.role = 'STUDENT' AND x.status IS NOT NULL`);
      // The outbox as the term left it: a push per bound student for every other pre-class package, every quiz and
      // every homework; most delivered, a few failed (WeChat refused) or only sent.
      await run("PushMessage", `INSERT INTO "PushMessage"(id, "dedupeKey", kind, "userId", "courseId", "lessonId", title, url, status, attempts, "sentAt", "deliveredAt", "createdAt", "updatedAt")
        SELECT 'lgpm' || e.key || substr(cm."userId", 4), e.key || ':' || cm."userId", e.kind, cm."userId", e."courseId", e."lessonId", e.title, e.url, x.status::"PushStatus", 1,
               CASE WHEN x.status <> 'FAILED' THEN e.at + interval '1 minute' END, CASE WHEN x.status = 'DELIVERED' THEN e.at + interval '2 minutes' END, e.at, now()
        FROM (
          SELECT 'pk' || substr(l.id, 4) AS key, 'preclass_feedback' AS kind, l."courseId", l.id AS "lessonId", l.title, '/student/lessons/' || l.id || '/pre' AS url, l."startsAt" - interval '3 days' AS at
            FROM "Lesson" l WHERE l.position % 2 = 0
          UNION ALL
          SELECT 'qz' || substr(z.id, 4), 'quiz_published', z."courseId", z."lessonId", z.title, '/student/quizzes/' || z.id, z."publishedAt" FROM "Quiz" z
          UNION ALL
          SELECT 'hw' || substr(h.id, 4), 'homework_published', h."courseId", NULL, h.title, '/student/homework/' || h.id, h."publishedAt" FROM "Homework" h
        ) e
        JOIN "CourseMember" cm ON cm."courseId" = e."courseId" AND cm.role = 'STUDENT'
        JOIN "WechatBinding" b ON b."userId" = cm."userId" AND b.status = 'ACTIVE'
        CROSS JOIN LATERAL (SELECT CASE WHEN ${R(`e.key || cm."userId"`)} < 0.03 THEN 'FAILED' WHEN ${R(`e.key || cm."userId"`)} < 0.08 THEN 'SENT' ELSE 'DELIVERED' END AS status) x`);
      await run("Competency", `INSERT INTO "Competency"(id, "departmentId", code, name, "nameEn", position, tags, "updatedAt")
        SELECT 'lgcp' || ${pad("d", 2)} || x.code, 'lgd' || ${pad("d", 2)}, x.code, x.name, x."nameEn", x.position, x.tags, now()
        FROM generate_series(1, ${LARGE.departments}) d CROSS JOIN (VALUES ${COMPETENCIES.map((c, i) => `(${lit(c.code)}, ${lit(c.name)}, ${lit(c.nameEn)}, ${i}, ${arr(c.tags)})`).join(", ")}) AS x(code, name, "nameEn", position, tags)`);
      await run("ObjectiveCompetency", `INSERT INTO "ObjectiveCompetency"("objectiveId", "competencyId")
        SELECT o.id, 'lgcp' || substr(c."departmentId", 4) || (ARRAY['SA', 'CC', 'HS', 'PR'])[o.position + 1]
        FROM "CourseObjective" o JOIN "Course" c ON c.id = o."courseId"
        UNION ALL
        SELECT o.id, 'lgcp' || substr(c."departmentId", 4) || (ARRAY['CV', 'RS', 'GI', 'NS'])[(abs(hashtext(c.id)) % 4) + 1]
        FROM "CourseObjective" o JOIN "Course" c ON c.id = o."courseId" WHERE o.position = 1`);
      await run("AtRiskRule", `INSERT INTO "AtRiskRule"("departmentId", "scoreDropPoints", "recentQuizzes", "lowScorePercent", "missedPreClassPercent", "absencePercent", "inactiveDays", "updatedAt")
        VALUES ('lgd01', 10, 3, 60, 40, 15, 10, now()), ('lgd02', 20, 2, 50, 60, 25, 21, now())`);
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  // Fresh statistics, so that the planner sees the real table sizes; then the dashboards' summaries.
  await prisma.$executeRawUnsafe("ANALYZE");
  const summariesStarted = performance.now();
  const { refreshSummaries } = await import("@/lib/analytics/summaries");
  await refreshSummaries(
    (await prisma.course.findMany({ select: { id: true } })).map((course) => course.id),
    now,
  );
  const summaryMs = performance.now() - summariesStarted;
  log(`${"analytics summaries".padEnd(22)} ${String(await prisma.analyticsCount.count()).padStart(9)} rows  ${(summaryMs / 1000).toFixed(1)} s`);
  return { rows, ms: performance.now() - started, summaryMs, termStart };
}

async function main() {
  const { closeDb, initDb } = await import("@/lib/db");
  const { migrate } = await import("@/lib/db/migrate");
  const { hashPassword } = await import("@/lib/auth/password");
  const url = process.env.DATABASE_URL;
  const { prisma, backend } = initDb();
  console.log(`[seed:large] ${backend === "postgres" ? "PostgreSQL" : `PGlite at ${url ?? ".data/pglite"}`}: migrating`);
  await migrate(prisma);
  const report = await seedLargeSchool(prisma, { passwordHash: await hashPassword(LARGE_PASSWORD), log: (line) => console.log(`[seed:large] ${line}`) });
  const total = Object.values(report.rows).reduce((sum, n) => sum + n, 0);
  console.log(`[seed:large] ${total.toLocaleString("en")} rows in ${Object.keys(report.rows).length} tables, ${(report.ms / 1000).toFixed(1)} s`);
  console.log(
    `[seed:large] term ${LARGE_TERM} from ${report.termStart.toISOString()}; sign in as lgadmin, lgd01 (内科学教研室主任), lgt001 (teacher) or 2024000001 (student), password ${LARGE_PASSWORD}`,
  );
  await closeDb();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error("[seed:large] failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
