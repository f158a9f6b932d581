import { beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "@/tests/factories";
import { getDepartmentEvaluationResults } from "./get-department-evaluation-results";
import { getEvaluationResults } from "./get-evaluation-results";
import { listDepartmentEvaluations } from "./list-department-evaluations";
import { listEvaluationsForCourse } from "./list-evaluations";
import { submitEvaluation } from "./submit-evaluation";
import { makeEvaluation, makeEvaluationSchool, ratingsOf } from "./test-fixtures";

type School = Awaited<ReturnType<typeof makeEvaluationSchool>>;

// Five students' answers, in the order of the default items (clarity, materials, interaction, feedback, overall).
const ANSWERS = [
  { ratings: [5, 4, 3, 5, 5], comment: "评语甲：病例讨论很有收获" },
  { ratings: [4, 4, 3, 4, 4], comment: "" },
  { ratings: [3, 5, 2, 4, 3], comment: "评语乙：预习材料发得太晚" },
  { ratings: [4, 3, 4, 3, 4], comment: "评语丙：希望多一些互动" },
  { ratings: [5, 5, 5, 5, 2], comment: "评语丁：节奏偏快" },
];
const COMMENTS = ANSWERS.map((answer) => answer.comment).filter(Boolean);

let s: School;
let evaluationId: string;

beforeAll(async () => {
  s = await makeEvaluationSchool();
  evaluationId = (await makeEvaluation(s.course.id)).id;
  for (const [i, answer] of ANSWERS.slice(0, 4).entries()) {
    await submitEvaluation(actorOf(s.students[i]), { evaluationId, ratings: ratingsOf(answer.ratings), comment: answer.comment });
  }
});

/** Everything a staff member or admin can get about the course's evaluations, as one text to search. */
async function everythingVisibleTo(who: "teacher" | "deptAdmin" | "admin") {
  const actor = actorOf(s[who]);
  return JSON.stringify([
    await getEvaluationResults(actor, evaluationId),
    await listEvaluationsForCourse(actor, s.course.id),
    // The admin portal's list and results are not the teacher's.
    ...(who === "teacher" ? [] : [await listDepartmentEvaluations(actor, { departmentId: s.dept.id }), await getDepartmentEvaluationResults(actor, evaluationId)]),
  ]);
}

const studentIds = () => s.students.map((student) => student.id);

describe("with 4 responses", () => {
  it.each(["teacher", "deptAdmin", "admin"] as const)("%s sees the count and rate only", async (who) => {
    const results = await getEvaluationResults(actorOf(s[who]), evaluationId);
    expect(results).toMatchObject({ responses: 4, studentCount: 6, minimum: 5, aggregates: null });
    expect(results.responseRate).toBeCloseTo(4 / 6, 12);
  });

  it.each(["teacher", "deptAdmin", "admin"] as const)("no mean, distribution, comment or respondent reaches %s through any query", async (who) => {
    const text = await everythingVisibleTo(who);
    for (const comment of COMMENTS.slice(0, 3)) expect(text).not.toContain(comment);
    expect(text).not.toMatch(/"(mean|counts|comments|overallMean)":(?!null)/);
    for (const id of studentIds()) expect(text).not.toContain(id);
  });
});

describe("with 5 responses", () => {
  beforeAll(async () => {
    await submitEvaluation(actorOf(s.students[4]), { evaluationId, ratings: ratingsOf(ANSWERS[4].ratings), comment: ANSWERS[4].comment });
  });

  it("shows each item's distribution and mean", async () => {
    const { aggregates, responses } = await getEvaluationResults(actorOf(s.teacher), evaluationId);
    expect(responses).toBe(5);
    expect(aggregates?.items.map(({ id, counts }) => ({ id, counts }))).toEqual([
      { id: "clarity", counts: [0, 0, 1, 2, 2] },
      { id: "materials", counts: [0, 0, 1, 2, 2] },
      { id: "interaction", counts: [0, 1, 2, 1, 1] },
      { id: "feedback", counts: [0, 0, 1, 2, 2] },
      { id: "overall", counts: [0, 1, 1, 2, 1] },
    ]);
    expect(aggregates?.items.map((item) => item.mean)).toEqual([4.2, 4.2, 3.4, 4.2, 3.6]);
  });

  it("shows the non-empty comments as bare texts, in random order", async () => {
    const orders = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const { aggregates } = await getEvaluationResults(actorOf(s.teacher), evaluationId);
      expect([...(aggregates?.comments ?? [])].sort()).toEqual([...COMMENTS].sort());
      expect(aggregates?.comments.every((comment) => typeof comment === "string")).toBe(true);
      orders.add(JSON.stringify(aggregates?.comments));
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it.each(["teacher", "deptAdmin", "admin"] as const)("%s sees the same aggregates, and still no respondent", async (who) => {
    const results = await getEvaluationResults(actorOf(s[who]), evaluationId);
    expect(results.aggregates?.items.map((item) => item.mean)).toEqual([4.2, 4.2, 3.4, 4.2, 3.6]);
    const text = await everythingVisibleTo(who);
    for (const id of studentIds()) expect(text).not.toContain(id);
    // No time of answering travels with the answers.
    expect(JSON.stringify(results.aggregates)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  // Results for the course's teacher and whoever oversees the department; assistants and students do not see them.
  it.each([
    ["teacher", "ok"],
    ["deptAdmin", "ok"],
    ["admin", "ok"],
    ["assistant", "auth.forbidden"],
    ["student", "auth.forbidden"],
    ["otherTeacher", "not_found"],
    ["otherDeptAdmin", "not_found"],
    ["outsider", "not_found"],
  ] as const)("results and list: %s → %s", async (who, expected) => {
    for (const run of [() => getEvaluationResults(actorOf(s[who]), evaluationId), () => listEvaluationsForCourse(actorOf(s[who]), s.course.id)]) {
      if (expected === "ok") await expect(run()).resolves.toBeTruthy();
      else await expect(run()).rejects.toMatchObject({ code: expected });
    }
  });

  it("lets only the course teacher and admins manage", async () => {
    const canManage = async (who: "teacher" | "deptAdmin" | "admin") => (await getEvaluationResults(actorOf(s[who]), evaluationId)).canManage;
    expect([await canManage("teacher"), await canManage("deptAdmin"), await canManage("admin")]).toEqual([true, false, true]);
  });

  it("lists the course's evaluations with counts", async () => {
    const list = await listEvaluationsForCourse(actorOf(s.teacher), s.course.id);
    expect(list).toMatchObject({ canManage: true, studentCount: 6 });
    expect(list.evaluations).toEqual([expect.objectContaining({ id: evaluationId, state: "open", responses: 5, lessonTitle: null })]);
  });
});
