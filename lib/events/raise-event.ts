import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db";

/**
 * The lesson loop's moments, raised in the same transaction as the change that causes them. The row is the
 * transactional outbox record: the push dispatcher (lib/push) expands it into one WeChat push per recipient right
 * after commit, so a 2,000-student lesson does not write 2,000 rows while students wait for a live topic.
 */
export type DomainEventType =
  | "preclass.published" // a lesson's pre-class package went out to students
  | "preclass.feedback_submitted"
  | "plan.revised" // the teacher saved a new lesson-plan version
  | "live.signin_opened"
  | "live.topic_opened"
  | "live.topic_closed"
  | "thread.created"
  | "quiz.published" // subjectId: the quiz; lessonId when it belongs to a lesson
  | "homework.published" // subjectId: the homework
  | "peer.phase_changed" // subjectId: the peer review; payload { phase }
  | "peer.reminder_requested"; // subjectId: the peer review; payload { userIds, round }

export interface DomainEventInput {
  type: DomainEventType;
  courseId: string;
  lessonId?: string;
  /** The row the event is about (package, topic, thread …). */
  subjectId?: string;
  payload?: Prisma.InputJsonValue;
}

export async function raiseEvent(tx: Tx, event: DomainEventInput): Promise<void> {
  await tx.domainEvent.create({
    data: {
      type: event.type,
      courseId: event.courseId,
      lessonId: event.lessonId,
      subjectId: event.subjectId,
      payload: event.payload ?? {},
    },
  });
}
