import { afterEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { actorOf } from "@/tests/factories";
import { fillBank, makeBankSchool } from "./test-fixtures";
import { textFile } from "./test-files";

// The route handlers are thin; these tests pin their HTTP contract. Only the session and Next's cache are stubbed.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({
  requireActor: async () => {
    if (!session.actor) throw new AppError("auth.unauthenticated");
    return session.actor;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { POST } = await import("@/app/teacher/courses/[courseId]/bank/import/upload/route");
const { GET: exportGet } = await import("@/app/teacher/courses/[courseId]/bank/export/[format]/route");
const { GET: templateGet } = await import("@/app/teacher/courses/[courseId]/bank/template/route");

const base = "http://localhost:3000";

function upload(courseId: string, file: { name: string; bytes: Uint8Array }, options: { confirm?: boolean; origin?: string } = {}) {
  const body = new FormData();
  body.set("file", new File([new Uint8Array(file.bytes)], file.name));
  if (options.confirm) body.set("confirm", "1");
  const headers = new Headers({ host: "localhost:3000" });
  if (options.origin) headers.set("origin", options.origin);
  return POST(new Request(`${base}/teacher/courses/${courseId}/bank/import/upload`, { method: "POST", body, headers }), { params: Promise.resolve({ courseId }) });
}

afterEach(() => {
  session.actor = null;
});

describe("question bank routes", () => {
  it("previews and imports an upload, answering broken files with 400 and located errors", async () => {
    const s = await makeBankSchool();
    session.actor = actorOf(s.teacher);
    const good = textFile("bank.txt", "心脏有四个腔。{T}");
    const preview = await upload(s.course.id, good, { origin: base });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ ok: true, data: { committed: false, counts: { questions: 1 } } });
    const commit = await upload(s.course.id, good, { confirm: true });
    expect(commit.headers.get("cache-control")).toBe("no-store");
    expect(await commit.json()).toMatchObject({ ok: true, data: { committed: true } });
    expect(await db.question.count({ where: { courseId: s.course.id } })).toBe(1);

    const broken = await upload(s.course.id, textFile("bank.txt", "坏题 {=a"), { confirm: true });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({
      ok: false,
      code: "qbank.invalid_file",
      details: { errors: [{ at: 1, field: "answer", code: "syntax" }], unit: "line" },
    });
  });

  it.each([
    ["a cross-site upload", "teacher", { origin: "https://evil.example" }, 403, "auth.forbidden"],
    ["a student", "student", {}, 404, "not_found"],
    ["the assistant", "assistant", {}, 403, "auth.forbidden"],
    ["nobody signed in", null, {}, 401, "auth.unauthenticated"],
  ] as const)("refuses %s", async (_case, who, options, status, code) => {
    const s = await makeBankSchool();
    session.actor = who ? actorOf(s[who]) : null;
    const response = await upload(s.course.id, textFile("bank.txt", "q {T}"), { ...options, confirm: true });
    expect([response.status, (await response.json()).code]).toEqual([status, code]);
    expect(await db.question.count({ where: { courseId: s.course.id } })).toBe(0);
  });

  it("exports Excel and Moodle XML with the filter, and serves the template, as downloads", async () => {
    const s = await makeBankSchool();
    await fillBank(s.teacher, s.course.id);
    session.actor = actorOf(s.teacher);
    const params = (format: string) => ({ params: Promise.resolve({ courseId: s.course.id, format }) });

    const xlsx = await exportGet(new Request(`${base}/x?type=SINGLE`), params("xlsx"));
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    expect(xlsx.headers.get("content-disposition")).toMatch(/^attachment; filename="C[0-9a-f]+-questions\.xlsx"; filename\*=UTF-8''/);

    const xml = await exportGet(new Request(`${base}/x?type=TRUE_FALSE`), params("xml"));
    const text = await xml.text();
    expect(text.match(/<question type="truefalse">/g)).toHaveLength(2);
    expect(text).not.toContain('type="multichoice"');

    expect((await exportGet(new Request(`${base}/x`), params("pdf"))).status).toBe(404);
    const template = await templateGet(new Request(`${base}/x`), { params: Promise.resolve({ courseId: s.course.id }) });
    expect(template.headers.get("content-disposition")).toContain("question-import-template.xlsx");

    session.actor = actorOf(s.student);
    expect((await exportGet(new Request(`${base}/x`), params("xlsx"))).status).toBe(404);
  });
});
