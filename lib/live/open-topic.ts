import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { raiseEvent } from "@/lib/events/raise-event";
import { authorizeLiveTeacher } from "./access";
import type { TopicView } from "./events";
import { publishTopicClosed, publishTopicOpened } from "./publish";
import { countTopicResults, resultsFor } from "./queries";
import { LIVE_LIMITS, type OpenTopicInput, OpenTopicSchema, isPoll } from "./schemas";
import { topicSelect, topicView } from "./views";

/**
 * Opens a discussion topic or poll and pushes it to everyone in the lesson. One topic is open at a time: a topic
 * still open is closed first, as the teacher moving on would do by hand.
 */
export async function openTopic(actor: Actor, input: OpenTopicInput): Promise<TopicView> {
  const data = OpenTopicSchema.parse(input);
  if (isPoll(data.kind)) {
    const { minOptions, maxOptions } = LIVE_LIMITS;
    const distinct = new Set(data.options).size === data.options.length;
    if (data.options.length < minOptions || data.options.length > maxOptions || !distinct) throw new AppError("live.poll_options");
  }
  const { courseId } = await authorizeLiveTeacher(actor, data.lessonId);
  const { topic, closed } = await db.$transaction(async (tx) => {
    const previous = await tx.topic.findMany({ where: { lessonId: data.lessonId, status: "OPEN" }, select: topicSelect });
    const now = new Date();
    if (previous.length) {
      await tx.topic.updateMany({ where: { id: { in: previous.map((t) => t.id) } }, data: { status: "CLOSED", closedAt: now } });
      for (const { id } of previous) {
        await raiseEvent(tx, { type: "live.topic_closed", courseId, lessonId: data.lessonId, subjectId: id, payload: { topicId: id } });
      }
    }
    const topic = await tx.topic.create({
      data: {
        lessonId: data.lessonId,
        kind: data.kind,
        prompt: data.prompt,
        options: data.options,
        liveResults: data.liveResults,
        anonymous: data.anonymous,
        openedAt: now,
        createdById: actor.id,
      },
      select: topicSelect,
    });
    await raiseEvent(tx, { type: "live.topic_opened", courseId, lessonId: data.lessonId, subjectId: topic.id, payload: { topicId: topic.id } });
    return { topic, closed: previous.map((t) => ({ ...t, status: "CLOSED" as const, closedAt: now })) };
  });
  for (const old of closed) publishTopicClosed(topicView(old), resultsFor("student", old, await countTopicResults(old)));
  const view = topicView(topic);
  publishTopicOpened(view);
  return view;
}
