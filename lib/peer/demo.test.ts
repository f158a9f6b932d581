import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf, makeDepartment, makeUser } from "@/tests/factories";
import { seedDemoPeerReview } from "./demo";
import { getPeerReviewForStudent } from "./student-view";
import { getPeerReviewForTeacher } from "./teacher-view";

describe("seedDemoPeerReview", () => {
  let teacher: Awaited<ReturnType<typeof makeUser>>;
  const students: Awaited<ReturnType<typeof makeUser>>[] = [];
  beforeAll(async () => {
    const dept = await makeDepartment();
    teacher = await makeUser("TEACHER", { departmentId: dept.id });
    for (let i = 1; i <= 10; i++) students.push(await makeUser("STUDENT", { no: `20230101${String(i).padStart(2, "0")}` }));
    await db.course.create({
      data: {
        code: "MED2101",
        title: "诊断学",
        term: "2026-2027-1",
        departmentId: dept.id,
        members: { create: [{ userId: teacher.id, role: "TEACHER" }, ...students.map((s) => ({ userId: s.id, role: "STUDENT" as const }))] },
      },
    });
  });

  it("creates one activity in the assessment phase, with 8 submissions, 3 reviews each, some in; once", async () => {
    const first = await seedDemoPeerReview(db);
    expect(first.created).toBe(true);
    expect(await seedDemoPeerReview(db)).toEqual({ activityId: first.activityId, created: false });
    const view = await getPeerReviewForTeacher(actorOf(teacher), first.activityId!);
    expect(view.activity).toMatchObject({ phase: "ASSESSMENT", calibrationRequired: true });
    expect(view.activity.rubric.filter((c) => c.kind === "levels")).toHaveLength(3);
    expect(view.examples).toEqual([expect.objectContaining({ reference: expect.objectContaining({ submittedAt: expect.any(Date) }) })]);
    expect(view.submissions).toHaveLength(8);
    const peer = view.submissions.flatMap((s) => s.assessments.filter((a) => a.kind === "PEER"));
    expect(peer).toHaveLength(24);
    const done = peer.filter((a) => a.submittedAt).length;
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(24);
  });

  it("leaves the demo login 2023010101 with a calibration and reviews to do", async () => {
    const { activityId } = await seedDemoPeerReview(db);
    const view = await getPeerReviewForStudent(actorOf(students[0]), activityId!);
    expect(view.todo).toBe("calibrate");
    expect(view.mySubmission).not.toBeNull();
    const reviewer = await getPeerReviewForStudent(actorOf(students[1]), activityId!);
    expect(reviewer.reviews.filter((r) => r.kind === "PEER")).toHaveLength(3);
  });
});
