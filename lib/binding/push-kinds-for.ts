import type { Role } from "@/generated/prisma/client";
import { PUSH_KINDS, type PushKind } from "@/lib/wechat/push-kinds";

/** Kinds only staff receive: a student is never shown a switch for them. */
const STAFF_ONLY_PUSH_KINDS: readonly PushKind[] = ["feedback_summary"];

/** The push kinds a user of this role can receive, and so can switch on and off. */
export const pushKindsFor = (role: Role): PushKind[] =>
  role === "STUDENT" ? PUSH_KINDS.filter((kind) => !STAFF_ONLY_PUSH_KINDS.includes(kind)) : [...PUSH_KINDS];
