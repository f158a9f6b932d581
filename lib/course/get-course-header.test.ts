import { describe, expect, it } from "vitest";
import { actorOf, makeSchool } from "@/tests/factories";
import { getCourseHeader } from "./queries";

describe("getCourseHeader", () => {
  it("gives the course title with what the actor may do", async () => {
    const s = await makeSchool();
    const teacher = await getCourseHeader(actorOf(s.teacher), s.course.id);
    expect(teacher).toMatchObject({ id: s.course.id, code: s.course.code, title: s.course.title, term: "2026-2027-1" });
    expect(teacher.access.actions.has("course.edit")).toBe(true);
    const deptAdmin = await getCourseHeader(actorOf(s.deptAdmin), s.course.id);
    expect([...deptAdmin.access.actions].sort()).toEqual(["course.view", "evaluation.view", "feedback.view", "grades.view", "roster.view"]);
  });

  it.each(["otherTeacher", "otherDeptAdmin", "outsider"] as const)("hides the course from %s", async (who) => {
    const s = await makeSchool();
    await expect(getCourseHeader(actorOf(s[who]), s.course.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
