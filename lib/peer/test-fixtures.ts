// Builders shared by the peer-review tests (not imported by the app).
import { db } from "@/lib/db";
import type { Rubric } from "@/lib/rubric/rubric";
import { makeUser } from "@/tests/factories";
import type { SavePeerReviewInput } from "./schemas";

const level = (id: string, title: string, points: number) => ({ id, title, description: `${title}的表现`, points });

/** 病例分析: three scored criteria (0–3 points each) and a comment-only one. */
export const CASE_RUBRIC: Rubric = [
  { kind: "levels", id: "history", title: "病史归纳", description: "", levels: [level("h0", "缺失", 0), level("h1", "部分", 1), level("h2", "较好", 2), level("h3", "完整", 3)] },
  { kind: "levels", id: "reasoning", title: "诊断思路", description: "", levels: [level("r0", "缺失", 0), level("r1", "部分", 1), level("r2", "较好", 2), level("r3", "清晰", 3)] },
  { kind: "levels", id: "plan", title: "诊疗计划", description: "", levels: [level("p0", "缺失", 0), level("p1", "部分", 1), level("p2", "较好", 2), level("p3", "合理", 3)] },
  { kind: "comment", id: "advice", title: "改进建议", description: "" },
];

/** Levels for (history, reasoning, plan) as 0–3. */
export const levels = (h: number, r: number, p: number) => ({ history: `h${h}`, reasoning: `r${r}`, plan: `p${p}` });

export const setupInput = (courseId: string, overrides: Partial<SavePeerReviewInput> = {}): SavePeerReviewInput => ({
  courseId,
  title: "病例分析互评：胸痛待查",
  instructions: "阅读病例，写出**诊断思路**与诊疗计划。",
  autoSwitch: false,
  submissionOpensAt: null,
  submissionClosesAt: null,
  assessmentClosesAt: null,
  reviewsPerSubmission: 3,
  selfAssessment: false,
  excludeOwnGroup: false,
  anonymity: "DOUBLE_BLIND",
  aggregation: "MEDIAN_FROM_4",
  submissionWeight: 80,
  rubric: CASE_RUBRIC,
  calibrationRequired: false,
  calibrationThreshold: null,
  allowText: true,
  allowFiles: true,
  fileTypes: ["pdf", "jpg", "png"],
  maxFiles: 3,
  ...overrides,
});

/** `n` more students in the course, with distinctive names and numbers for the anonymity scans. */
export async function addStudents(courseId: string, n: number, { groupIds = [] as (string | null)[] } = {}) {
  const students = [];
  for (let i = 0; i < n; i++) {
    const tag = Math.random().toString(36).slice(2, 8);
    const user = await makeUser("STUDENT", { name: `互评学生${tag}`, no: `2099${tag}` });
    await db.courseMember.create({ data: { courseId, userId: user.id, role: "STUDENT", groupId: groupIds[i] ?? null } });
    students.push(user);
  }
  return students;
}

// Files that name their author in their metadata, as phones, scanners and word processors write them.

const ascii = (text: string) => [...Buffer.from(text, "utf8")];
const u16be = (n: number) => [n >> 8, n & 0xff];
const u32be = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const segment = (marker: number, payload: number[]) => [0xff, marker, ...u16be(payload.length + 2), ...payload];

/** EXIF with IFD0 entries Orientation and Artist (the author's name), big-endian. */
function exif(orientation: number, artist: string): number[] {
  const name = [...ascii(artist), 0];
  const ifd = [0, 2, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0x01, 0x3b, 0, 2, ...u32be(name.length), ...u32be(38), 0, 0, 0, 0];
  return [...ascii("Exif\0\0"), 0x4d, 0x4d, 0, 42, 0, 0, 0, 8, ...ifd, ...name];
}

/** A JPEG: SOI, JFIF, EXIF, an XMP packet, a comment, the scan and EOI. */
export function jpegWithMetadata(author: string, orientation = 6): Uint8Array {
  return Uint8Array.from([
    0xff, 0xd8,
    ...segment(0xe0, [...ascii("JFIF\0"), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xe1, exif(orientation, author)),
    ...segment(0xe1, ascii(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>${author}</dc:creator></x:xmpmeta>`)),
    ...segment(0xfe, ascii(`拍摄者 ${author}`)),
    ...segment(0xda, [1, 1, 0, 0, 0x3f, 0]),
    0x12, 0x34, 0x56, 0xff, 0xd9,
  ]);
}

function pngChunk(type: string, data: number[]): number[] {
  return [...u32be(data.length), ...ascii(type), ...data, 0, 0, 0, 0];
}

export function pngWithMetadata(author: string): Uint8Array {
  return Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ...pngChunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]),
    ...pngChunk("tEXt", ascii(`Author\0${author}`)),
    ...pngChunk("iTXt", ascii(`Author\0\0\0\0\0${author}`)),
    ...pngChunk("IDAT", [0x78, 0x9c, 0x63, 0, 0, 0, 1, 0, 1]),
    ...pngChunk("IEND", []),
  ]);
}

export function pdfWithMetadata(author: string): Uint8Array {
  return Uint8Array.from(
    Buffer.from(
      `%PDF-1.4\n1 0 obj << /Title (病例) /Author (${author} \\(学号\\)) /Creator (Word) >> endobj\n` +
        `2 0 obj << /Author <FEFF5F20> >> endobj\n` +
        `3 0 obj << /Type /Metadata >> stream\n<x:xmpmeta><dc:creator><rdf:Seq><rdf:li>${author}</rdf:li></rdf:Seq></dc:creator><pdf:Author>${author}</pdf:Author></x:xmpmeta>\nendstream endobj\n` +
        `trailer << /Info 1 0 R >>\n%%EOF\n`,
      "utf8",
    ),
  );
}

