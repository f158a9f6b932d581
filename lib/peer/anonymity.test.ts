import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { PeerAnonymity } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { actorOf, makeSchool } from "@/tests/factories";
import { submitCalibration } from "./calibration";
import { saveExample, saveReference } from "./examples";
import { flagReview, releaseGrades } from "./grading-admin";
import { listPeerReviewsForStudent } from "./list-peer-reviews";
import { saveAssessment } from "./save-assessment";
import { savePeerReview } from "./save-peer-review";
import { getPeerReviewForStudent } from "./student-view";
import { switchPhase } from "./switch-phase";
import { addStudents, jpegWithMetadata, levels, pdfWithMetadata, setupInput } from "./test-fixtures";

// A whole activity for five students in each anonymity mode, through the same route handlers the app uses for
// files. Everything a student is sent is recorded and scanned for every other student's name, 学号 and user id.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({
  requireActor: async () => {
    if (!session.actor) throw new AppError("auth.unauthenticated");
    return session.actor;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { POST } = await import("@/app/api/peer/[activityId]/submission/route");
const { GET } = await import("@/app/api/peer/files/[fileId]/route");

type School = Awaited<ReturnType<typeof makeSchool>>;
type Student = School["student"];

const root = fs.mkdtempSync(path.join(os.tmpdir(), "medblend-peer-anon-"));
let s: School;
let students: Student[];

beforeAll(async () => {
  process.env.UPLOAD_DIR = root;
  s = await makeSchool();
  students = [s.student, s.student2, ...(await addStudents(s.course.id, 3))];
});
afterEach(() => {
  session.actor = null;
});
afterAll(() => {
  delete process.env.UPLOAD_DIR;
  fs.rmSync(root, { recursive: true, force: true });
});

/** What each student was sent, as text. */
type Seen = Map<string, string[]>;

async function submitThroughRoute(student: Student, activityId: string, seen: Seen) {
  session.actor = actorOf(student);
  const body = new FormData();
  body.set("text", "主诉：胸痛 2 小时。初步诊断：急性冠脉综合征待排。");
  // File names and metadata that name the author, as real uploads do.
  body.append("files", new File([new Uint8Array(jpegWithMetadata(student.name))], `${student.name}-${student.no}-手写分析.jpg`));
  body.append("files", new File([new Uint8Array(pdfWithMetadata(student.name))], `${student.no}${student.name}.pdf`));
  const response = await POST(new Request(`http://localhost:3000/api/peer/${activityId}/submission`, { method: "POST", body, headers: { host: "localhost:3000" } }), {
    params: Promise.resolve({ activityId }),
  });
  expect(response.status).toBe(200);
  seen.get(student.id)!.push(await response.text());
}

async function record(student: Student, activityId: string, seen: Seen) {
  const view = await getPeerReviewForStudent(actorOf(student), activityId);
  const list = await listPeerReviewsForStudent(actorOf(student), s.course.id);
  seen.get(student.id)!.push(JSON.stringify(view), JSON.stringify(list));
  // Every file the page links to, downloaded as the page would.
  const fileIds = [...view.reviews.flatMap((r) => r.files), ...(view.mySubmission?.files ?? [])].map((f) => f.id);
  session.actor = actorOf(student);
  for (const fileId of fileIds) {
    const response = await GET(new Request(`http://localhost:3000/api/peer/files/${fileId}`), { params: Promise.resolve({ fileId }) });
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    seen.get(student.id)!.push(decodeURIComponent(response.headers.get("content-disposition") ?? ""), bytes.toString("utf8"), bytes.toString("latin1"));
  }
  return view;
}

/** Who may know whose name in this mode: reviewers their authors (unless double-blind), authors their reviewers (open). */
async function namesAllowed(mode: PeerAnonymity, activityId: string): Promise<Set<string>> {
  const rows = await db.peerAssessment.findMany({
    where: { kind: "PEER", submission: { activityId } },
    select: { reviewerId: true, submission: { select: { authorId: true } } },
  });
  const allowed = new Set<string>();
  for (const row of rows) {
    if (mode !== "DOUBLE_BLIND") allowed.add(`${row.reviewerId}→${row.submission.authorId}`);
    if (mode === "OPEN") allowed.add(`${row.submission.authorId}→${row.reviewerId}`);
  }
  return allowed;
}

async function runActivity(mode: PeerAnonymity) {
  const seen: Seen = new Map(students.map((st) => [st.id, []]));
  const teacher = actorOf(s.teacher);
  const { activityId } = await savePeerReview(
    teacher,
    setupInput(s.course.id, { title: `互评 ${mode}`, anonymity: mode, reviewsPerSubmission: 3, selfAssessment: true, calibrationRequired: true, calibrationThreshold: 50 }),
  );
  const { exampleId } = await saveExample(teacher, { activityId, text: "示例：男，58 岁，胸痛 2 小时。" });
  await saveReference(teacher, { exampleId, levels: levels(3, 2, 2), comments: { advice: "补充心肌酶" } });
  await switchPhase(teacher, { activityId, phase: "SUBMISSION" });
  for (const student of students) await submitThroughRoute(student, activityId, seen);
  for (const student of students) await record(student, activityId, seen);

  await switchPhase(teacher, { activityId, phase: "ASSESSMENT" });
  for (const student of students) {
    await record(student, activityId, seen);
    await submitCalibration(actorOf(student), { exampleId, levels: levels(3, 2, 1) });
    const view = await record(student, activityId, seen);
    expect(view.reviews.filter((r) => r.kind === "PEER")).toHaveLength(3);
    for (const review of view.reviews) {
      await saveAssessment(actorOf(student), { assessmentId: review.id, levels: levels(2, 2, 2), comments: { advice: "诊断依据可再充分" } });
    }
    await record(student, activityId, seen);
  }
  await switchPhase(teacher, { activityId, phase: "GRADING" });
  await releaseGrades(teacher, { activityId, released: true });
  for (const student of students) {
    const view = await record(student, activityId, seen);
    expect(view.results?.reviews).toHaveLength(3);
    expect(view.results?.reviews.map((r) => r.alias)).toEqual(["A", "B", "C"]);
  }
  const first = await getPeerReviewForStudent(actorOf(students[0]), activityId);
  await flagReview(actorOf(students[0]), { assessmentId: first.results!.reviews[0].id, reason: "评语太简单" });
  await record(students[0], activityId, seen);
  await switchPhase(teacher, { activityId, phase: "CLOSED" });
  for (const student of students) await record(student, activityId, seen);
  return { activityId, seen };
}

function leaks(seen: Seen, allowed: Set<string>): string[] {
  const found: string[] = [];
  for (const viewer of students) {
    const text = seen.get(viewer.id)!.join("\n");
    for (const other of students) {
      if (other.id === viewer.id) continue;
      if (text.includes(other.id)) found.push(`${viewer.no} saw the id of ${other.no}`);
      if (text.includes(other.no)) found.push(`${viewer.no} saw the 学号 of ${other.no}`);
      if (text.includes(other.name) && !allowed.has(`${viewer.id}→${other.id}`)) found.push(`${viewer.no} saw the name of ${other.no}`);
    }
  }
  return found;
}

describe("anonymity that holds", () => {
  it.each<PeerAnonymity>(["DOUBLE_BLIND", "REVIEWERS_ANONYMOUS", "OPEN"])("%s: no student is sent what the mode does not allow", async (mode) => {
    const { activityId, seen } = await runActivity(mode);
    const allowed = await namesAllowed(mode, activityId);
    expect(leaks(seen, allowed)).toEqual([]);
    // The scan looked at something: every student saw their own name in their own files, and reviewers the work.
    for (const student of students) expect(seen.get(student.id)!.join("\n")).toContain(student.name);
    if (mode === "DOUBLE_BLIND") expect(allowed.size).toBe(0);
  });

  it("reviewers download under a generic name; the author under their own", async () => {
    const { activityId } = await runActivity("DOUBLE_BLIND");
    const view = await getPeerReviewForStudent(actorOf(students[1]), activityId);
    const review = view.reviews.find((r) => r.kind === "PEER")!;
    expect(review.files.map((f) => f.name)).toEqual(["提交材料-1.jpg", "提交材料-2.pdf"]);
    session.actor = actorOf(students[1]);
    const response = await GET(new Request("http://localhost/x"), { params: Promise.resolve({ fileId: review.files[0].id }) });
    expect(decodeURIComponent(response.headers.get("content-disposition")!)).toContain("提交材料-1.jpg");
    // A student who is neither the author nor a reviewer of that work gets nothing.
    const author = await db.peerSubmissionFile.findUniqueOrThrow({ where: { id: review.files[0].id }, select: { submission: { select: { authorId: true, assessments: { select: { reviewerId: true } } } } } });
    const involved = new Set([author.submission.authorId, ...author.submission.assessments.map((a) => a.reviewerId)]);
    const stranger = students.find((st) => !involved.has(st.id));
    if (stranger) {
      session.actor = actorOf(stranger);
      expect((await GET(new Request("http://localhost/x"), { params: Promise.resolve({ fileId: review.files[0].id }) })).status).toBe(404);
    }
    session.actor = actorOf(s.outsider);
    expect((await GET(new Request("http://localhost/x"), { params: Promise.resolve({ fileId: review.files[0].id }) })).status).toBe(404);
    session.actor = actorOf(s.assistant);
    const staff = await GET(new Request("http://localhost/x"), { params: Promise.resolve({ fileId: review.files[0].id }) });
    expect(staff.status).toBe(200);
    expect(decodeURIComponent(staff.headers.get("content-disposition")!)).toMatch(/-手写分析\.jpg/);
  });
});
