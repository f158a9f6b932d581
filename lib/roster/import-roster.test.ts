import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { actorOf, makeSchool, makeUser } from "@/tests/factories";
import { importRoster } from "./import-roster";
import { rosterCsv, xlsxFile } from "./test-files";

const uniqueNo = () => `N${Math.random().toString(36).slice(2, 12)}`;

/** A student already on the course's roster, with a 学号 that passes the import's format check. */
async function enrolledStudent(courseId: string) {
  const user = await makeUser("STUDENT", { no: uniqueNo() });
  await db.courseMember.create({ data: { courseId, userId: user.id, role: "STUDENT" } });
  return user;
}

async function rosterOf(courseId: string) {
  const members = await db.courseMember.findMany({
    where: { courseId, role: "STUDENT" },
    select: { user: { select: { no: true, name: true, class: { select: { name: true } } } }, group: { select: { name: true } } },
  });
  return members
    .map((m) => ({ no: m.user.no, name: m.user.name, className: m.user.class?.name ?? null, group: m.group?.name ?? null }))
    .sort((a, b) => a.no.localeCompare(b.no));
}

/** Everything an import can write, to prove that a rejected one wrote nothing. */
async function snapshot(courseId: string) {
  return {
    users: await db.user.count(),
    userRows: await db.user.findMany({ select: { no: true, name: true, classId: true, passwordHash: true }, orderBy: { no: "asc" } }),
    members: await db.courseMember.findMany({ where: { courseId }, select: { userId: true, groupId: true }, orderBy: { userId: "asc" } }),
    classes: await db.class.count(),
    groups: await db.group.count(),
    audits: await db.auditLog.count(),
  };
}

describe("importRoster", () => {
  it("previews without writing, then commits new accounts, classes, groups and memberships", async () => {
    const { teacher, course } = await makeSchool();
    const student = await enrolledStudent(course.id);
    const [a, b] = [uniqueNo(), uniqueNo()];
    const cls = `2023级临床医学${uniqueNo()}班`;
    const file = await xlsxFile([
      ["学号", "姓名", "班级", "小组"],
      [a, "张三", cls, "第一组"],
      [b, "李四", cls, ""],
      [student.no, "王五", "", "第一组"],
    ]);
    const before = await snapshot(course.id);

    const preview = await importRoster(actorOf(teacher), course.id, file, { dryRun: true });
    expect(preview.committed).toBe(false);
    expect(preview.errors).toEqual([]);
    expect(preview.passwords).toEqual([]);
    expect(preview.rows.map((r) => r.change)).toEqual([
      { account: "create", membership: "add" },
      { account: "create", membership: "add" },
      { account: "update", membership: "regroup" },
    ]);
    expect(preview.counts).toEqual({ created: 2, updated: 1, added: 2, regrouped: 1, unchanged: 0, classesCreated: 1, groupsCreated: 1 });
    expect(await snapshot(course.id)).toEqual(before);

    const result = await importRoster(actorOf(teacher), course.id, file, { dryRun: false });
    expect(result.committed).toBe(true);
    expect(result.counts).toEqual(preview.counts);
    expect(result.passwords.map((p) => [p.no, p.name])).toEqual([[a, "张三"], [b, "李四"]]);

    const roster = await rosterOf(course.id);
    expect(roster).toEqual(
      expect.arrayContaining([
        { no: a, name: "张三", className: cls, group: "第一组" },
        { no: b, name: "李四", className: cls, group: null },
        { no: student.no, name: "王五", className: null, group: "第一组" },
      ]),
    );
    const audit = await db.auditLog.findFirst({ where: { action: "roster.import", target: course.id } });
    expect(audit).toMatchObject({ actorId: teacher.id, detail: { rows: 3, created: 2, updated: 1, added: 2 } });
  });

  it("gives new accounts the STUDENT role and a working temporary password that must be changed", async () => {
    const { teacher, course } = await makeSchool();
    const no = uniqueNo();
    const result = await importRoster(actorOf(teacher), course.id, rosterCsv([[no, "赵六", "", ""]]), { dryRun: false });
    const [{ password }] = result.passwords;
    const user = await db.user.findUniqueOrThrow({ where: { no } });
    expect(user).toMatchObject({ role: "STUDENT", mustChangePassword: true, name: "赵六" });
    expect(user.passwordHash).not.toContain(password);
    expect(await verifyPassword(user.passwordHash, password)).toBe(true);
  });

  it("is idempotent: the same file twice changes nothing the second time", async () => {
    const { teacher, course } = await makeSchool();
    const existing = await makeUser("STUDENT", { no: uniqueNo(), passwordHash: "kept" });
    const cls = `班${uniqueNo()}`;
    const file = rosterCsv([
      [uniqueNo(), "张三", cls, "A组"],
      [existing.no, "新名字", cls, "B组"],
    ]);
    await importRoster(actorOf(teacher), course.id, file, { dryRun: false });
    const after = await snapshot(course.id);

    const again = await importRoster(actorOf(teacher), course.id, file, { dryRun: false });
    expect(again.counts).toEqual({ created: 0, updated: 0, added: 0, regrouped: 0, unchanged: 2, classesCreated: 0, groupsCreated: 0 });
    expect(again.passwords).toEqual([]);
    expect({ ...(await snapshot(course.id)), audits: after.audits }).toEqual(after);
    // Existing accounts keep their password.
    expect((await db.user.findUniqueOrThrow({ where: { id: existing.id } })).passwordHash).toBe("kept");
  });

  it("keeps the current class and group when the cells are empty", async () => {
    const { teacher, course } = await makeSchool();
    const student = await enrolledStudent(course.id);
    const cls = `班${uniqueNo()}`;
    await importRoster(actorOf(teacher), course.id, rosterCsv([[student.no, student.name, cls, "A组"]]), { dryRun: false });
    const result = await importRoster(actorOf(teacher), course.id, rosterCsv([[student.no, student.name, "", ""]]), { dryRun: false });
    expect(result.counts.unchanged).toBe(1);
    expect(await rosterOf(course.id)).toContainEqual({ no: student.no, name: student.name, className: cls, group: "A组" });
  });

  it("imports nothing when any row is wrong, and reports every wrong row", async () => {
    const { teacher, course, dept } = await makeSchool();
    const staff = await makeUser("TEACHER", { departmentId: dept.id, no: uniqueNo() });
    const good = uniqueNo();
    const file = rosterCsv([
      [good, "张三", `班${uniqueNo()}`, "新组"],
      ["12", "李四", "", ""],
      [staff.no, "王老师", "", ""],
      [good, "重复", "", ""],
    ]);
    const before = await snapshot(course.id);

    const preview = await importRoster(actorOf(teacher), course.id, file, { dryRun: true });
    expect(preview.errors).toEqual([
      { row: 3, column: "no", code: "roster.row.no_format" },
      { row: 4, column: "no", code: "roster.row.not_student" },
      { row: 5, column: "no", code: "roster.row.no_duplicate" },
    ]);
    expect(preview.rows.map((r) => r.change === null)).toEqual([false, true, true, true]);

    await expect(importRoster(actorOf(teacher), course.id, file, { dryRun: false })).rejects.toMatchObject({
      code: "roster.invalid_rows",
      details: { errors: preview.errors },
    });
    expect(await snapshot(course.id)).toEqual(before);
  });

  it("re-checks the rows inside the transaction: an account taken since the preview stops the commit", async () => {
    const { teacher, course } = await makeSchool();
    const no = uniqueNo();
    const file = rosterCsv([[uniqueNo(), "张三", `班${uniqueNo()}`, "组"], [no, "李四", "", ""]]);
    expect((await importRoster(actorOf(teacher), course.id, file, { dryRun: true })).errors).toEqual([]);
    await makeUser("TEACHER", { no });
    const before = await snapshot(course.id);
    await expect(importRoster(actorOf(teacher), course.id, file, { dryRun: false })).rejects.toMatchObject({ code: "roster.invalid_rows" });
    expect(await snapshot(course.id)).toEqual(before);
  });

  it("rolls back accounts, classes and groups when a later write fails", async () => {
    const { teacher, course } = await makeSchool();
    // A trigger stands in for a failure half-way through the commit (after accounts, classes and groups exist).
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION roster_test_fail() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'boom'; END; $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`
      CREATE TRIGGER roster_test_fail BEFORE INSERT ON "CourseMember" FOR EACH ROW
      WHEN (NEW."courseId" = '${course.id}') EXECUTE FUNCTION roster_test_fail()`);
    try {
      const before = await snapshot(course.id);
      const file = rosterCsv([[uniqueNo(), "张三", `班${uniqueNo()}`, "新组"]]);
      await expect(importRoster(actorOf(teacher), course.id, file, { dryRun: false })).rejects.toThrow();
      expect(await snapshot(course.id)).toEqual(before);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER roster_test_fail ON "CourseMember"`);
    }
  });

  it("rejects a bad file with its code and writes nothing", async () => {
    const { teacher, course } = await makeSchool();
    const before = await snapshot(course.id);
    await expect(
      importRoster(actorOf(teacher), course.id, { name: "x.xlsx", bytes: new Uint8Array([1, 2, 3]) }, { dryRun: false }),
    ).rejects.toMatchObject({ code: "file.wrong_type" });
    expect(await snapshot(course.id)).toEqual(before);
  });

  describe("authorization", () => {
    it.each([
      ["teacher", "ok"],
      ["assistant", "ok"],
      ["admin", "ok"],
      ["deptAdmin", "auth.forbidden"],
      ["otherDeptAdmin", "not_found"],
      ["otherTeacher", "not_found"],
      ["student", "auth.forbidden"],
      ["outsider", "not_found"],
    ] as const)("%s → %s", async (who, expected) => {
      const school = await makeSchool();
      const file = rosterCsv([[uniqueNo(), "张三", "", ""]]);
      const before = await snapshot(school.course.id);
      const run = importRoster(actorOf(school[who]), school.course.id, file, { dryRun: false });
      if (expected === "ok") {
        await expect(run).resolves.toMatchObject({ committed: true });
      } else {
        await expect(run).rejects.toMatchObject({ code: expected });
        expect(await snapshot(school.course.id)).toEqual(before);
      }
    });

    it("checks access before reading the file", async () => {
      const { outsider, course } = await makeSchool();
      const broken = { name: "x.xlsx", bytes: new Uint8Array([1]) };
      await expect(importRoster(actorOf(outsider), course.id, broken, { dryRun: true })).rejects.toMatchObject({ code: "not_found" });
    });

    it("reports an unknown course as not_found", async () => {
      const { teacher } = await makeSchool();
      await expect(importRoster(actorOf(teacher), "nope", rosterCsv([[uniqueNo(), "张三", "", ""]]), { dryRun: true })).rejects.toMatchObject({
        code: "not_found",
      });
    });
  });
});

describe("importRoster with a large file", () => {
  it("commits a few hundred existing students in one go", async () => {
    const { teacher, course } = await makeSchool();
    const nos = Array.from({ length: 300 }, () => uniqueNo());
    await db.user.createMany({ data: nos.map((no) => ({ no, name: "旧名", role: "STUDENT" as const, passwordHash: "x" })) });
    const file = rosterCsv(nos.map((no, i) => [no, `学生${i}`, `班${i % 3}`, `组${i % 10}`]));
    const result = await importRoster(actorOf(teacher), course.id, file, { dryRun: false });
    expect(result.counts).toMatchObject({ created: 0, updated: 300, added: 300, groupsCreated: 10 });
    expect(await db.courseMember.count({ where: { courseId: course.id, role: "STUDENT", groupId: { not: null } } })).toBe(300);
  });
});
