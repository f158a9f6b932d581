import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TopicKind } from "./schemas";

/**
 * The hot path of a live lesson: thousands of answers within seconds of a poll opening. Two things keep it cheap:
 * a topic's unchanging fields are cached per instance, and answers are written in batches, one statement per
 * batch, which also enforces that the topic is still open and the student enrolled (see BATCH_SQL).
 */

export interface TopicMeta {
  id: string;
  lessonId: string;
  kind: TopicKind;
  options: string[];
  anonymous: boolean;
  liveResults: boolean;
}

// Everything here except the status is fixed when a topic is opened; the status is checked by the write itself.
const metaCache = new Map<string, Promise<TopicMeta | null>>();
const META_CACHE_SIZE = 1000;

/** A topic's fixed fields, for anyone: the caller authorizes (not_found when there is no such topic). */
export async function getTopicMeta(topicId: string): Promise<TopicMeta> {
  let meta = metaCache.get(topicId);
  if (!meta) {
    meta = db.topic
      .findUnique({
        where: { id: topicId },
        select: { id: true, lessonId: true, kind: true, options: true, anonymous: true, liveResults: true },
      });
    metaCache.set(topicId, meta);
    if (metaCache.size > META_CACHE_SIZE) metaCache.delete(metaCache.keys().next().value!);
    // Failed and missing lookups are not remembered.
    meta.then((row) => row ?? metaCache.delete(topicId), () => metaCache.delete(topicId));
  }
  const row = await meta;
  if (!row) throw new AppError("not_found");
  return row;
}

let counter = 0;

/** cuid-shaped ids (c + time + counter + randomness), so that answers written here look like Prisma's. */
export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  return `c${Date.now().toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${BigInt(`0x${randomBytes(8).toString("hex")}`).toString(36).slice(0, 12).padStart(12, "0")}`;
}

export interface AnswerWrite {
  topicId: string;
  studentId: string;
  text: string;
  choices: number[];
  /** Polls: one answer per student, a new one replaces the old (keeping its id). */
  replace: boolean;
}

export interface StoredAnswer {
  id: string;
  text: string;
  choices: number[];
  createdAt: Date;
  updatedAt: Date;
  highlighted: boolean;
  teacherReply: string | null;
}

/**
 * One statement per batch. Rows pass only while the topic is open and the student is a student of its course (the
 * rule of lib/auth/authz.ts for students acting in a course); refused rows come back missing and the caller asks
 * authz why. Poll answers update the student's existing answer in place, others are inserted.
 */
const BATCH_SQL = `
WITH v AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb)
    AS v(req text, "topicId" text, "studentId" text, text text, choices int[], replace boolean)
),
ok AS (
  SELECT v.* FROM v
  JOIN "Topic" t ON t.id = v."topicId" AND t.status = 'OPEN'
  JOIN "Lesson" l ON l.id = t."lessonId"
  JOIN "CourseMember" m ON m."courseId" = l."courseId" AND m."userId" = v."studentId" AND m.role = 'STUDENT'
  JOIN "User" u ON u.id = v."studentId" AND u.role = 'STUDENT' AND NOT u.disabled
),
upd AS (
  UPDATE "TopicAnswer" a
  SET text = ok.text, choices = ok.choices, "updatedAt" = (now() AT TIME ZONE 'UTC')
  FROM ok
  WHERE ok.replace AND a."topicId" = ok."topicId" AND a."studentId" = ok."studentId"
  RETURNING ok.req, a.id, a.text, a.choices, a."createdAt", a."updatedAt", a.highlighted, a."teacherReply"
),
ins AS (
  INSERT INTO "TopicAnswer" (id, "topicId", "studentId", text, choices, "createdAt", "updatedAt")
  SELECT ok.req, ok."topicId", ok."studentId", ok.text, ok.choices, (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC')
  FROM ok WHERE NOT EXISTS (SELECT 1 FROM upd WHERE upd.req = ok.req)
  RETURNING id AS req, id, text, choices, "createdAt", "updatedAt", highlighted, "teacherReply"
)
SELECT * FROM upd UNION ALL SELECT * FROM ins`;

/** PostgreSQL allows 65535 parameters, but one JSON parameter per batch is all we send; this bounds a statement. */
const MAX_BATCH = 500;

interface Pending extends AnswerWrite {
  req: string;
  resolve: (stored: StoredAnswer | null) => void;
  reject: (error: unknown) => void;
}

const queue: Pending[] = [];
let writing = false;

/** Stores an answer with the next batch; null when the topic is closed or the student may not answer it. */
export function storeAnswer(answer: AnswerWrite): Promise<StoredAnswer | null> {
  return new Promise((resolve, reject) => {
    queue.push({ ...answer, req: newId(), resolve, reject });
    if (!writing) {
      writing = true;
      // Let the answers that arrived in this turn of the event loop join the batch.
      setImmediate(() => void writeBatches());
    }
  });
}

async function writeBatches(): Promise<void> {
  while (queue.length) {
    const batch = latestPerPollAnswer(queue.splice(0, MAX_BATCH));
    try {
      settle(batch, await writeBatch(batch));
    } catch (error) {
      if (batch.length === 1) batch[0].reject(error);
      // One answer the database cannot take must not fail the others of its batch: write them one by one.
      else for (const item of batch) await writeBatch([item]).then((rows) => settle([item], rows), item.reject);
    }
  }
  writing = false;
}

function writeBatch(batch: Pending[]) {
  const rows = batch.map(({ req, topicId, studentId, text, choices, replace }) => ({ req, topicId, studentId, text, choices, replace }));
  return db.$queryRawUnsafe<(StoredAnswer & { req: string })[]>(BATCH_SQL, JSON.stringify(rows));
}

function settle(batch: Pending[], rows: (StoredAnswer & { req: string })[]) {
  const byReq = new Map(rows.map(({ req, ...stored }) => [req, stored]));
  for (const item of batch) item.resolve(byReq.get(item.req) ?? null);
}

/** Two answers of one student to one poll in a batch: the later one wins, and both callers get its row. */
function latestPerPollAnswer(batch: Pending[]): Pending[] {
  const last = new Map<string, Pending>();
  const out: Pending[] = [];
  for (const item of batch) {
    if (!item.replace) {
      out.push(item);
      continue;
    }
    const key = `${item.topicId}:${item.studentId}`;
    const earlier = last.get(key);
    if (earlier) {
      out.splice(out.indexOf(earlier), 1);
      const { resolve: resolveEarlier, reject: rejectEarlier } = earlier;
      const { resolve, reject } = item;
      item.resolve = (stored) => (resolveEarlier(stored), resolve(stored));
      item.reject = (error) => (rejectEarlier(error), reject(error));
    }
    last.set(key, item);
    out.push(item);
  }
  return out;
}
