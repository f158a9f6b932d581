import { describe, expect, it } from "vitest";
import { prismaCodeOf } from "@/lib/errors";
import { db, dbBackend } from "@/lib/db";
import { migrate, splitStatements } from "@/lib/db/migrate";
import { makeDepartment } from "@/tests/factories";

describe(`database (${process.env.TEST_DB_BACKEND})`, () => {
  it("uses the backend the project asked for", () => {
    expect(dbBackend()).toBe(process.env.TEST_DB_BACKEND);
  });

  it("reports a unique violation as P2002 on both backends, also inside a transaction", async () => {
    const dept = await makeDepartment();
    const dup = db.department.create({ data: { code: dept.code, name: "x" } });
    await expect(dup).rejects.toSatisfy((e) => prismaCodeOf(e) === "P2002");
    const inTx = db.$transaction(async (tx) => {
      await tx.department.create({ data: { code: `${dept.code}-2`, name: "y" } });
      await tx.department.create({ data: { code: dept.code, name: "z" } });
    });
    await expect(inTx).rejects.toSatisfy((e) => prismaCodeOf(e) === "P2002");
    expect(await db.department.count({ where: { code: `${dept.code}-2` } })).toBe(0);
  });

  it("reports a foreign key violation as P2003", async () => {
    const bad = db.course.create({ data: { code: "X", title: "x", term: "t", departmentId: "missing" } });
    await expect(bad).rejects.toSatisfy((e) => prismaCodeOf(e) === "P2003");
  });

  it("applies nothing when migrations are already applied", async () => {
    expect((await migrate(db)).applied).toEqual([]);
  });
});

describe("splitStatements", () => {
  it("splits on semicolons outside quotes, comments and dollar bodies", () => {
    const sql = `-- a comment; with semicolon\nCREATE TABLE "a;b" (x text DEFAULT ';');\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n/* block; */ SELECT 2`;
    expect(splitStatements(sql)).toEqual([
      `CREATE TABLE "a;b" (x text DEFAULT ';')`,
      "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql",
      "SELECT 2",
    ]);
  });
});
