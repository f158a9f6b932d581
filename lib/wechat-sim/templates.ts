import type { WechatConfig } from "@/lib/wechat/config";
import type { PushKind } from "@/lib/wechat/push-kinds";
import type { SimTemplate } from "./pages";

/** The fixed wording of each kind's template, as a service account would have chosen it in the template library. */
const KIND_TITLES: Record<PushKind, string> = {
  preclass_feedback: "课前反馈提醒",
  live_topic: "课堂讨论",
  feedback_summary: "课前反馈汇总",
  quiz_published: "课后测验发布",
  homework_published: "课后作业布置",
  deadline_reminder: "作业截止提醒",
  peer_review: "同伴互评提醒",
};

/** thing1 / time2: the keywords lib/push/render-push-content.ts fills. */
const KEYWORDS = { thing1: "课程", time2: "时间" };

/** The templates the simulated account has: the configured template id of every push kind. */
export function configuredTemplates(config: Pick<WechatConfig, "templates">): Record<string, SimTemplate> {
  return Object.fromEntries(
    (Object.entries(config.templates) as [PushKind, string][]).map(([kind, id]) => [id, { title: KIND_TITLES[kind], keywords: KEYWORDS }]),
  );
}
