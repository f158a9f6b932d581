import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { toErrorResult } from "@/lib/errors";
import { storagePathOf } from "@/lib/uploads/storage";
import { actorOf, makeSchool } from "@/tests/factories";
import { savePeerReview } from "./save-peer-review";
import { submitWork } from "./submit-work";
import { switchPhase } from "./switch-phase";
import { pngWithMetadata, setupInput } from "./test-fixtures";

// stripMetadata as a student meets it: through submitWork, for every file of a peer submission.

const root = fs.mkdtempSync(path.join(os.tmpdir(), "medblend-peer-strip-"));
let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  process.env.UPLOAD_DIR = root;
  s = await makeSchool();
});
afterAll(() => {
  delete process.env.UPLOAD_DIR;
  fs.rmSync(root, { recursive: true, force: true });
});

const pdf = (body: string) => new TextEncoder().encode(`%PDF-1.4\n${body}\n%%EOF\n`);

async function openActivity() {
  const { activityId } = await savePeerReview(actorOf(s.teacher), setupInput(s.course.id));
  await switchPhase(actorOf(s.teacher), { activityId, phase: "SUBMISSION" });
  return activityId;
}

describe("peer submissions are stored without their author's metadata", () => {
  it("stores a PDF titled with the author's name and a PNG with text chunks without the name", async () => {
    const activityId = await openActivity();
    const { name, no } = s.student;
    const files = [
      { fileName: `${name}-${no}-病例分析.pdf`, bytes: pdf(`1 0 obj << /Title (${name}-${no}-病例分析) /Author (${name}) >> endobj\ntrailer << /Info 1 0 R >>`) },
      { fileName: "手绘.png", bytes: pngWithMetadata(name) },
    ];
    await submitWork(actorOf(s.student), { activityId, text: "", files });
    const stored = await db.peerSubmissionFile.findMany({ where: { submission: { activityId, authorId: s.student.id } }, select: { storageKey: true } });
    expect(stored).toHaveLength(2);
    for (const { storageKey } of stored) {
      const bytes = fs.readFileSync(storagePathOf(storageKey));
      expect(bytes.includes(Buffer.from(name))).toBe(false);
      expect(bytes.includes(Buffer.from(no))).toBe(false);
    }
  });

  it("refuses a PDF whose metadata cannot be checked, and keeps nothing of the submission", async () => {
    const activityId = await openActivity();
    const encrypted = pdf("1 0 obj << /Title <9A3F11C2> >> endobj\n2 0 obj << /Filter /Standard /V 2 /R 3 >> endobj\ntrailer << /Info 1 0 R /Encrypt 2 0 R >>");
    const before = fs.readdirSync(root).length;
    const result = await submitWork(actorOf(s.student2), {
      activityId,
      text: "我的病例分析",
      files: [
        { fileName: "a.png", bytes: pngWithMetadata(s.student2.name) },
        { fileName: "b.pdf", bytes: encrypted },
      ],
    }).then(
      () => null,
      (error: unknown) => toErrorResult(error),
    );
    expect(result).toMatchObject({ ok: false, code: "peer.pdf_metadata_unremovable" });
    expect(await db.peerSubmission.count({ where: { activityId } })).toBe(0);
    expect(fs.readdirSync(root)).toHaveLength(before);
  });
});
