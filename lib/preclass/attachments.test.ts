import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { actorOf, makeSchool } from "@/tests/factories";
import { deleteAttachment } from "./delete-attachment";
import { savePackage } from "./save-package";
import { FILES, makeLesson, setWindow } from "./test-fixtures";

// The route handlers are thin; these tests pin their HTTP contract and the storage behind them. Only the session
// (no cookies here) and Next's cache (no request store here) are stubbed; the database and the disk are real.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({
  requireActor: async () => {
    if (!session.actor) throw new AppError("auth.unauthenticated");
    return session.actor;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { POST } = await import("@/app/api/attachments/route");
const { GET } = await import("@/app/api/attachments/[id]/route");

type School = Awaited<ReturnType<typeof makeSchool>>;
type Who = "teacher" | "assistant" | "admin" | "deptAdmin" | "student" | "student2" | "outsider" | "otherTeacher" | "otherDeptAdmin";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "medblend-attachments-"));
const storedFiles = () => (fs.existsSync(process.env.UPLOAD_DIR!) ? fs.readdirSync(process.env.UPLOAD_DIR!) : []);

let s: School;
beforeAll(async () => {
  s = await makeSchool();
});
beforeEach(() => {
  process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(root, "case-"));
  process.env.UPLOAD_MAX_BYTES = "4096";
});
afterEach(() => {
  session.actor = null;
});
afterAll(() => {
  delete process.env.UPLOAD_DIR;
  delete process.env.UPLOAD_MAX_BYTES;
  fs.rmSync(root, { recursive: true, force: true });
});

const as = (who: Who | null) => {
  session.actor = who ? actorOf(s[who]) : null;
};

async function newPackage() {
  const lesson = await makeLesson(s.course.id);
  const { packageId } = await savePackage(actorOf(s.teacher), { lessonId: lesson.id, material: "" });
  return { lesson, packageId };
}

function upload(packageId: string, name: string, bytes: Uint8Array, headers: Record<string, string> = {}) {
  const body = new FormData();
  body.set("packageId", packageId);
  body.set("file", new File([new Uint8Array(bytes)], name));
  return POST(new Request("http://localhost:3000/api/attachments", { method: "POST", body, headers: { host: "localhost:3000", ...headers } }));
}

const download = (id: string) => GET(new Request(`http://localhost:3000/api/attachments/${id}`), { params: Promise.resolve({ id }) });

describe("POST /api/attachments", () => {
  it("stores an upload under a random key and records the cleaned original name", async () => {
    const { packageId } = await newPackage();
    as("teacher");
    const response = await upload(packageId, "../../心脏听诊\u0000讲义.pdf", FILES.pdf, { origin: "http://localhost:3000" });
    expect(response.status).toBe(201);
    const answer = await response.json();
    expect(answer).toEqual({ ok: true, data: { id: expect.any(String), fileName: "心脏听诊讲义.pdf", mimeType: "application/pdf", size: FILES.pdf.length } });

    const row = await db.attachment.findUniqueOrThrow({ where: { id: answer.data.id } });
    expect(row).toMatchObject({ packageId, uploadedById: s.teacher.id, fileName: "心脏听诊讲义.pdf" });
    expect(row.storageKey).toMatch(/^[0-9a-f]{32}$/);
    expect(storedFiles()).toEqual([row.storageKey]);
  });

  it.each([
    ["a file over UPLOAD_MAX_BYTES", "讲义.pdf", () => new Uint8Array([...FILES.pdf, ...new Uint8Array(5000)]), 413, "upload.too_large"],
    ["HTML disguised as a PNG", "图.png", () => FILES.html, 415, "upload.wrong_type"],
    ["a PNG with a .pdf extension", "图.pdf", () => FILES.png, 415, "upload.wrong_type"],
    ["an SVG", "图.svg", () => new TextEncoder().encode("<svg onload=alert(1)>"), 415, "upload.wrong_type"],
    ["an executable named .exe", "setup.exe", () => FILES.pdf, 415, "upload.wrong_type"],
    ["an empty file", "空.pdf", () => new Uint8Array(), 400, "upload.empty"],
  ])("refuses %s and stores nothing", async (_label, name, bytes, status, code) => {
    const { packageId } = await newPackage();
    as("teacher");
    const response = await upload(packageId, name, bytes());
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ ok: false, code });
    expect(storedFiles()).toEqual([]);
    expect(await db.attachment.count({ where: { packageId } })).toBe(0);
  });

  it("refuses a body announced as too large before reading it", async () => {
    const { packageId } = await newPackage();
    as("teacher");
    const response = await upload(packageId, "讲义.pdf", FILES.pdf, { "content-length": String(10 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(storedFiles()).toEqual([]);
  });

  it("refuses the eleventh attachment of a package", async () => {
    const { packageId } = await newPackage();
    await db.attachment.createMany({
      data: Array.from({ length: 10 }, (_, i) => ({ packageId, storageKey: `${packageId}-${i}`, fileName: `${i}.pdf`, mimeType: "application/pdf", size: 1 })),
    });
    as("teacher");
    const response = await upload(packageId, "第11个.pdf", FILES.pdf);
    expect(await response.json()).toMatchObject({ ok: false, code: "upload.too_many" });
    expect(storedFiles()).toEqual([]);
  });

  it.each([
    ["signed out", null, {}, 401, "auth.unauthenticated"],
    ["a student of the course", "student", {}, 403, "auth.forbidden"],
    ["an assistant", "assistant", {}, 403, "auth.forbidden"],
    ["an outsider", "outsider", {}, 404, "not_found"],
    ["a teacher of another course", "otherTeacher", {}, 404, "not_found"],
    ["another site", "teacher", { origin: "https://evil.example" }, 403, "auth.forbidden"],
  ] as const)("refuses %s", async (_label, who, headers, status, code) => {
    const { packageId } = await newPackage();
    as(who);
    const response = await upload(packageId, "讲义.pdf", FILES.pdf, headers);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ ok: false, code });
    expect(storedFiles()).toEqual([]);
    expect(await db.attachment.count({ where: { packageId } })).toBe(0);
  });

  it("answers 404 for a package that does not exist and 400 for a form without a file", async () => {
    as("teacher");
    expect((await upload("no-such-package", "讲义.pdf", FILES.pdf)).status).toBe(404);
    const body = new FormData();
    body.set("packageId", "x");
    const response = await POST(new Request("http://localhost:3000/api/attachments", { method: "POST", body }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, code: "validation" });
  });
});

describe("GET /api/attachments/[id]", () => {
  async function uploaded(name = "讲义 \"第1版\".pdf") {
    const pkg = await newPackage();
    as("teacher");
    const answer = await (await upload(pkg.packageId, name, FILES.pdf)).json();
    return { ...pkg, id: answer.data.id as string };
  }

  it("serves the file with its recorded type, nosniff and the original name", async () => {
    const { id } = await uploaded();
    const response = await download(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe(
      `inline; filename="__ __1__.pdf"; filename*=UTF-8''%E8%AE%B2%E4%B9%89%20%22%E7%AC%AC1%E7%89%88%22.pdf`,
    );
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(FILES.pdf);
  });

  it.each([
    ["teacher", 200],
    ["assistant", 200],
    ["admin", 200],
    ["deptAdmin", 200],
    ["student", 404],
    ["outsider", 404],
    ["otherTeacher", 404],
    ["otherDeptAdmin", 404],
  ] as const)("before publishing: %s → %i", async (who, status) => {
    const { id } = await uploaded();
    as(who);
    expect((await download(id)).status).toBe(status);
  });

  it.each([
    ["not_open", 404],
    ["open", 200],
    ["closed", 200],
  ] as const)("a student gets it once the package is published and open: %s → %i", async (window, status) => {
    const { id, lesson } = await uploaded();
    await setWindow(lesson.id, window);
    as("student2");
    expect((await download(id)).status).toBe(status);
    as("outsider");
    expect((await download(id)).status).toBe(404);
  });

  it("answers 401 when signed out and 404 for an unknown id or a missing file", async () => {
    const { id } = await uploaded();
    as(null);
    expect((await download(id)).status).toBe(401);
    as("teacher");
    expect(await (await download("no-such-id")).json()).toEqual({ ok: false, code: "not_found" });
    const row = await db.attachment.findUniqueOrThrow({ where: { id } });
    fs.rmSync(path.join(process.env.UPLOAD_DIR!, row.storageKey));
    expect((await download(id)).status).toBe(404);
  });
});

describe("deleteAttachment", () => {
  it("removes the row and the file", async () => {
    const { packageId, lesson } = await newPackage();
    as("teacher");
    const { data } = await (await upload(packageId, "图.png", FILES.png)).json();
    await expect(deleteAttachment(actorOf(s.teacher), { attachmentId: data.id })).resolves.toEqual({ lessonId: lesson.id });
    expect(await db.attachment.count({ where: { packageId } })).toBe(0);
    expect(storedFiles()).toEqual([]);
  });

  it.each([
    ["student", "auth.forbidden"],
    ["assistant", "auth.forbidden"],
    ["outsider", "not_found"],
  ] as const)("refuses %s and keeps the file", async (who, code) => {
    const { packageId } = await newPackage();
    as("teacher");
    const { data } = await (await upload(packageId, "图.png", FILES.png)).json();
    await expect(deleteAttachment(actorOf(s[who]), { attachmentId: data.id })).rejects.toMatchObject({ code });
    expect(await db.attachment.count({ where: { packageId } })).toBe(1);
    expect(storedFiles()).toHaveLength(1);
  });
});
