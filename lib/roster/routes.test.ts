import { afterEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/authz";
import { AppError } from "@/lib/errors";
import { actorOf, makeSchool } from "@/tests/factories";
import { rosterCsv } from "./test-files";

// The route handlers are thin; these tests pin their HTTP contract: JSON `{ ok, code }` with the code's status.
// Only the session (no cookies here) and Next's cache (no request store here) are stubbed; the database is real.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({
  requireActor: async () => {
    if (!session.actor) throw new AppError("auth.unauthenticated");
    return session.actor;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { POST } = await import("@/app/api/courses/[courseId]/roster/import/route");
const { GET } = await import("@/app/api/courses/[courseId]/roster/template/route");

const uniqueNo = () => `N${Math.random().toString(36).slice(2, 12)}`;
const paramsOf = (courseId: string) => ({ params: Promise.resolve({ courseId }) });

function upload(courseId: string, file: { name: string; bytes: Uint8Array }, options: { confirm?: boolean; origin?: string } = {}) {
  const body = new FormData();
  body.set("file", new File([new Uint8Array(file.bytes)], file.name));
  if (options.confirm) body.set("confirm", "1");
  const headers = new Headers({ host: "localhost:3000" });
  if (options.origin) headers.set("origin", options.origin);
  return POST(new Request(`http://localhost:3000/api/courses/${courseId}/roster/import`, { method: "POST", body, headers }), paramsOf(courseId));
}

afterEach(() => {
  session.actor = null;
});

describe("POST /api/courses/[courseId]/roster/import", () => {
  it("previews, then commits on confirm=1, without caching the answer", async () => {
    const { teacher, course } = await makeSchool();
    session.actor = actorOf(teacher);
    const file = rosterCsv([[uniqueNo(), "张三", "", "A"]]);

    const preview = await upload(course.id, file, { origin: "http://localhost:3000" });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ ok: true, data: { committed: false, counts: { created: 1 }, passwords: [] } });

    const commit = await upload(course.id, file, { confirm: true });
    expect(commit.headers.get("cache-control")).toBe("no-store");
    const answer = await commit.json();
    expect(answer).toMatchObject({ ok: true, data: { committed: true, counts: { created: 1 } } });
    expect(answer.data.passwords).toHaveLength(1);
  });

  it("answers invalid rows with 400 and the row errors", async () => {
    const { teacher, course } = await makeSchool();
    session.actor = actorOf(teacher);
    const response = await upload(course.id, rosterCsv([["1", "张三", "", ""]]), { confirm: true });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      ok: false,
      code: "roster.invalid_rows",
      details: { errors: [{ row: 2, column: "no", code: "roster.row.no_format" }] },
    });
  });

  it.each([
    ["signed out", null, {}, 401, "auth.unauthenticated"],
    ["a student", "student", {}, 403, "auth.forbidden"],
    ["an outsider", "outsider", {}, 404, "not_found"],
    ["another site", "teacher", { origin: "https://evil.example" }, 403, "auth.forbidden"],
    ["a wrong file type", "teacher", { name: "名单.txt" }, 400, "file.wrong_type"],
  ] as const)("refuses %s", async (_label, who, options, status, code) => {
    const school = await makeSchool();
    session.actor = who ? actorOf(school[who]) : null;
    const file = { ...rosterCsv([[uniqueNo(), "张三", "", ""]]), ...("name" in options ? { name: options.name } : {}) };
    const response = await upload(school.course.id, file, { origin: "origin" in options ? options.origin : undefined });
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ ok: false, code });
  });

  it("answers a request without a file with 400", async () => {
    const { teacher, course } = await makeSchool();
    session.actor = actorOf(teacher);
    const request = new Request("http://localhost:3000/x", { method: "POST", body: "not a form", headers: { "content-type": "text/plain" } });
    const response = await POST(request, paramsOf(course.id));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, code: "validation" });
  });
});

describe("GET /api/courses/[courseId]/roster/template", () => {
  it("downloads the xlsx and CSV templates for roster managers only", async () => {
    const { assistant, deptAdmin, course } = await makeSchool();
    session.actor = actorOf(assistant);
    const xlsx = await GET(new Request(`http://localhost/api/courses/${course.id}/roster/template`), paramsOf(course.id));
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-disposition")).toContain("filename*=UTF-8''");
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);

    const csv = await GET(new Request(`http://localhost/api/courses/${course.id}/roster/template?format=csv`), paramsOf(course.id));
    expect(await csv.text()).toContain("学号,姓名,班级,小组");

    const bad = await GET(new Request(`http://localhost/api/courses/${course.id}/roster/template?format=pdf`), paramsOf(course.id));
    expect(bad.status).toBe(400);

    session.actor = actorOf(deptAdmin);
    const viewer = await GET(new Request(`http://localhost/api/courses/${course.id}/roster/template`), paramsOf(course.id));
    expect(viewer.status).toBe(403);
  });
});
