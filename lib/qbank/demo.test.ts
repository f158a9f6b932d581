import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeCourse, makeSchool } from "@/tests/factories";
import { bankQuestionWhere } from "./bank-scope";
import { seedDemoQuestionBank } from "./demo";
import { QuestionDataSchema } from "./schemas";

describe("seedDemoQuestionBank", () => {
  it("fills 诊断学 and 内科学·心血管 with valid questions of every type and an A3 set, once", async () => {
    const s = await makeSchool();
    const diagnostics = await db.course.update({ where: { id: s.course.id }, data: { code: "MED2101" } });
    const cardiology = await makeCourse(s.dept.id, [{ userId: s.teacher.id, role: "TEACHER" }]);
    await db.course.update({ where: { id: cardiology.id }, data: { code: "MED3102" } });

    expect(await seedDemoQuestionBank(db)).toEqual({ questions: 31 });
    expect(await seedDemoQuestionBank(db)).toEqual({ questions: 0 });

    const questions = await db.question.findMany({ where: { courseId: diagnostics.id }, include: { case: true } });
    expect(questions).toHaveLength(26);
    expect(new Set(questions.map((q) => q.type))).toEqual(new Set(["SINGLE", "MULTIPLE", "TRUE_FALSE", "FILL_IN", "SHORT_ANSWER"]));
    for (const q of questions) expect(QuestionDataSchema.safeParse(q).success, q.stem).toBe(true);
    const inCase = questions.filter((q) => q.case).sort((a, b) => a.casePosition! - b.casePosition!);
    expect(inCase.map((q) => q.casePosition)).toEqual([1, 2, 3]);
    expect(new Set(inCase.map((q) => q.caseId)).size).toBe(1);
    expect(questions.filter((q) => !q.tags.includes("学科:诊断学"))).toEqual([]);
    expect(questions.filter((q) => q.type !== "SHORT_ANSWER" && !q.explanation)).toEqual([]);
    expect(questions.every((q) => q.createdById === s.teacher.id)).toBe(true);

    // The cardiology course's shared questions show in 诊断学's bank.
    const visible = await db.question.count({ where: bankQuestionWhere({ courseId: diagnostics.id, departmentId: s.dept.id }, { source: "shared" }) });
    expect(visible).toBe(2);
  });
});
