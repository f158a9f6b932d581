import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { raiseEvent } from "@/lib/events/raise-event";
import { authorizeLiveTeacher } from "./access";
import type { TopicResults, TopicView } from "./events";
import { publishTopicClosed } from "./publish";
import { countTopicResults, resultsFor } from "./queries";
import { type TopicRefInput, TopicRefSchema } from "./schemas";
import { topicSelect, topicView } from "./views";

/** Closes a topic: no more answers, and poll results become visible to students. Closing it again changes nothing. */
export async function closeTopic(actor: Actor, input: TopicRefInput): Promise<{ topic: TopicView; results: TopicResults }> {
  const { topicId } = TopicRefSchema.parse(input);
  const found = await db.topic.findUnique({ where: { id: topicId }, select: { lessonId: true } });
  if (!found) throw new AppError("not_found");
  const { courseId } = await authorizeLiveTeacher(actor, found.lessonId);
  const { topic, changed } = await db.$transaction(async (tx) => {
    const { count } = await tx.topic.updateMany({ where: { id: topicId, status: "OPEN" }, data: { status: "CLOSED", closedAt: new Date() } });
    if (count) {
      await raiseEvent(tx, { type: "live.topic_closed", courseId, lessonId: found.lessonId, subjectId: topicId, payload: { topicId } });
    }
    return { topic: await tx.topic.findUniqueOrThrow({ where: { id: topicId }, select: topicSelect }), changed: count > 0 };
  });
  const raw = await countTopicResults(topic);
  const view = topicView(topic);
  if (changed) publishTopicClosed(view, resultsFor("student", topic, raw));
  return { topic: view, results: resultsFor("staff", topic, raw) };
}
