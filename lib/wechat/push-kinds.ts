/**
 * What MedBlend pushes to WeChat. Each kind has its own template id (lib/wechat/config.ts) and preference switch.
 * Urgent kinds are sent in quiet hours too; all others are deferred to the end of the window, never dropped.
 */
export const PUSH_KINDS = ["preclass_feedback", "live_topic", "feedback_summary", "quiz_published", "homework_published", "deadline_reminder", "peer_review"] as const;

export type PushKind = (typeof PUSH_KINDS)[number];

export const URGENT_PUSH_KINDS: readonly PushKind[] = ["live_topic"];

export const isPushKind = (value: unknown): value is PushKind => PUSH_KINDS.includes(value as PushKind);
