import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { FILES } from "@/lib/preclass/test-fixtures";
import { OFFICE_FILES } from "@/lib/uploads/test-zip";
import { actorOf, makeSchool } from "@/tests/factories";
import { publishHomework } from "./publish-homework";
import { saveHomework } from "./save-homework";
import { canDownloadSubmissionFile } from "./submission-files";
import { homeworkInput } from "./test-fixtures";

// The route handlers are thin; these tests pin their HTTP contract and who may download. Only the session (no
// cookies here) and Next's cache are stubbed; the database and the disk are real.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({
  requireActor: async () => {
    if (!session.actor) throw new AppError("auth.unauthenticated");
    return session.actor;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { POST } = await import("@/app/api/homework/[homeworkId]/submission/route");
const { GET } = await import("@/app/api/homework/files/[fileId]/route");

type School = Awaited<ReturnType<typeof makeSchool>>;
type Who = "teacher" | "assistant" | "admin" | "deptAdmin" | "otherDeptAdmin" | "student" | "student2" | "outsider" | "otherTeacher";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "medblend-homework-routes-"));
let s: School;
let homeworkId: string;

beforeAll(async () => {
  process.env.UPLOAD_DIR = root;
  s = await makeSchool();
  ({ homeworkId } = await saveHomework(actorOf(s.teacher), homeworkInput(s.course.id, { fileTypes: ["pdf", "docx"] })));
  await publishHomework(actorOf(s.teacher), { homeworkId });
});
afterEach(() => {
  session.actor = null;
});
afterAll(() => {
  delete process.env.UPLOAD_DIR;
  fs.rmSync(root, { recursive: true, force: true });
});

const as = (who: Who | null) => {
  session.actor = who ? actorOf(s[who]) : null;
};

function submit(fields: { text?: string; keep?: string[]; files?: [string, Uint8Array][] }, headers: Record<string, string> = {}) {
  const body = new FormData();
  body.set("text", fields.text ?? "");
  for (const id of fields.keep ?? []) body.append("keepFileIds", id);
  for (const [name, bytes] of fields.files ?? []) body.append("files", new File([new Uint8Array(bytes)], name));
  return POST(new Request(`http://localhost:3000/api/homework/${homeworkId}/submission`, { method: "POST", body, headers: { host: "localhost:3000", ...headers } }), {
    params: Promise.resolve({ homeworkId }),
  });
}

const download = (fileId: string) => GET(new Request(`http://localhost:3000/api/homework/files/${fileId}`), { params: Promise.resolve({ fileId }) });

describe("POST /api/homework/[homeworkId]/submission", () => {
  it("hands in text and files in one request", async () => {
    as("student");
    const response = await submit({ text: "病例分析", files: [["分析.docx", OFFICE_FILES.docx], ["图.pdf", FILES.pdf]] }, { origin: "http://localhost:3000" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, data: { submissionId: expect.any(String), version: 1, lateMinutes: 0 } });
  });

  it.each([
    ["a type the homework does not take", [["图.png", FILES.png]] as [string, Uint8Array][], 415, "homework.wrong_type"],
    ["HTML named .pdf", [["a.pdf", FILES.html]] as [string, Uint8Array][], 415, "homework.wrong_type"],
  ])("refuses %s", async (_label, files, status, code) => {
    as("student2");
    const response = await submit({ text: "x", files });
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ ok: false, code });
  });

  it("refuses another origin, an anonymous caller and a body announced as too large", async () => {
    as("student2");
    expect((await submit({ text: "x" }, { origin: "https://evil.example" })).status).toBe(403);
    expect((await submit({ text: "x" }, { "content-length": String(1024 * 1024 * 1024) })).status).toBe(413);
    as(null);
    expect((await submit({ text: "x" })).status).toBe(401);
    expect(await db.homeworkSubmission.count({ where: { homeworkId, userId: s.student2.id } })).toBe(0);
  });
});

describe("GET /api/homework/files/[fileId]", () => {
  let pdfId: string;
  let docxId: string;
  beforeAll(async () => {
    const submission = await db.homeworkSubmission.findUniqueOrThrow({
      where: { homeworkId_userId: { homeworkId, userId: s.student.id } },
      include: { files: true },
    });
    pdfId = submission.files.find((file) => file.fileName === "图.pdf")!.id;
    docxId = submission.files.find((file) => file.fileName === "分析.docx")!.id;
  });

  it.each([
    ["student", 200, "the submitting student"],
    ["teacher", 200, "the course's teacher"],
    ["assistant", 200, "the course's assistant"],
    ["deptAdmin", 200, "the department's admin"],
    ["admin", 200, "an admin"],
    ["student2", 404, "another student of the same course"],
    ["outsider", 404, "a student outside the course"],
    ["otherTeacher", 404, "a teacher of another course"],
    ["otherDeptAdmin", 404, "another department's admin"],
  ] as const)("%s → %i (%s)", async (who, status, _label) => {
    as(who);
    const response = await download(pdfId);
    expect(response.status).toBe(status);
    if (status === 200) {
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(FILES.pdf);
    } else {
      expect(await response.json()).toMatchObject({ ok: false, code: "not_found" });
    }
  });

  it("serves office files as attachments, and nothing to an anonymous caller or for a made-up id", async () => {
    as("teacher");
    const response = await download(docxId);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; /);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect((await download("../../etc/passwd")).status).toBe(404);
    as(null);
    expect((await download(pdfId)).status).toBe(401);
  });

  it("canDownloadSubmissionFile decides for the owner and the staff only", async () => {
    const access = { ownerId: s.student.id, courseId: s.course.id, homeworkId };
    const results = Object.fromEntries(
      await Promise.all((["student", "student2", "outsider", "teacher", "deptAdmin"] as const).map(async (who) => [who, await canDownloadSubmissionFile(actorOf(s[who]), access)])),
    );
    expect(results).toEqual({ student: true, student2: false, outsider: false, teacher: true, deptAdmin: true });
  });
});
