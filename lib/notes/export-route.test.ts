import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/authz";
import { AppError } from "@/lib/errors";
import { type AfterClassSchool, makeAfterClassSchool } from "@/lib/threads/test-fixtures";
import { createNote } from "./create-note";

// The route is thin; these tests pin its HTTP contract. Only the session (no cookies here) is stubbed.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({
  requireActor: async () => {
    if (!session.actor) throw new AppError("auth.unauthenticated");
    return session.actor;
  },
}));

const { GET } = await import("@/app/api/notes/export/route");
const get = (query: string) => GET(new Request(`http://localhost:3000/api/notes/export${query}`));

describe("GET /api/notes/export", () => {
  let s: AfterClassSchool;
  let noteId: string;
  beforeAll(async () => {
    s = await makeAfterClassSchool();
    noteId = (await createNote(s.as.author, { lessonId: s.lesson.id, title: "第三心音", body: "**S3**" })).id;
  });
  afterEach(() => {
    session.actor = null;
  });

  it("downloads one note as Markdown with both file names", async () => {
    session.actor = s.as.author;
    const response = await get(`?noteId=${noteId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="note-${noteId}.md"; filename*=UTF-8''%E7%AC%AC%E4%B8%89%E5%BF%83%E9%9F%B3.md`,
    );
    const text = await response.text();
    expect(text).toMatch(/^---\ntitle: "第三心音"\n/);
    expect(text).toContain("\n# 第三心音\n\n**S3**\n");
  });

  it("downloads all of the actor's notes of a course", async () => {
    session.actor = s.as.author;
    const response = await get(`?courseId=${s.course.id}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("notes: 1");
  });

  it.each([
    ["signed out", 401, "auth.unauthenticated", null, (): string => `?noteId=${noteId}`],
    ["a private note of someone else", 404, "not_found", "teacher", (): string => `?noteId=${noteId}`],
    ["a course the actor is not in", 404, "not_found", "outsider", (): string => `?courseId=${s.course.id}`],
    ["no target", 400, "validation", "author", (): string => ""],
    ["both targets", 400, "validation", "author", (): string => `?noteId=${noteId}&courseId=${s.course.id}`],
    ["an empty id", 400, "validation", "author", (): string => "?noteId="],
    ["an absurd id", 400, "validation", "author", (): string => `?noteId=${"x".repeat(5000)}`],
    ["a malformed id", 400, "validation", "author", (): string => "?noteId=%00%ff"],
    ["an unknown id", 404, "not_found", "author", (): string => "?noteId=ckzzzzzzzzzzzzzzzzzzzzzzz"],
  ] as const)("answers %s with %i %s", async (_name, status, code, who, query) => {
    session.actor = who ? s.as[who] : null;
    const response = await get(query());
    expect(response.status).toBe(status);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ ok: false, code });
  });
});
