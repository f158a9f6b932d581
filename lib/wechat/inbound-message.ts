/**
 * A message or event pushed to the callback, as far as MedBlend reads it. Field names are WeChat's; values are
 * strings as they arrive (MsgId does not fit a JS number).
 */
export interface InboundMessage {
  /** The service account's original id (gh_…); our replies come from it. */
  to: string;
  /** The sender's openid. */
  from: string;
  createTime: string;
  msgType: string;
  /** Lower-cased event name (subscribe, unsubscribe, templatesendjobfinish, click, …) for msgType "event". */
  event: string | null;
  content: string | null;
  /** MsgId of user messages, MsgID of template-delivery events. */
  msgId: string | null;
  /** TEMPLATESENDJOBFINISH: success | failed:user block | failed: system failed | … */
  status: string | null;
}

const CREATE_TIME = /^\d{1,12}$/;

/** The message in parsed callback XML, or null when a field every WeChat push carries is missing. */
export function toInboundMessage(fields: Record<string, string>): InboundMessage | null {
  const { ToUserName: to, FromUserName: from, CreateTime: createTime, MsgType: msgType } = fields;
  if (!to || !from || !msgType || !createTime || !CREATE_TIME.test(createTime)) return null;
  const type = msgType.toLowerCase();
  return {
    to,
    from,
    createTime,
    msgType: type,
    event: type === "event" ? (fields.Event ?? "").toLowerCase() : null,
    content: type === "text" ? (fields.Content ?? "") : null,
    msgId: fields.MsgId || fields.MsgID || null,
    status: fields.Status ?? null,
  };
}

/**
 * What identifies a delivery across WeChat's retries: the MsgId of a user message; for events FromUserName +
 * CreateTime + Event, plus the MsgID of events that carry one (two template deliveries can finish in one second).
 */
export function dedupeKeyOf(message: InboundMessage): string {
  if (message.event === null) return `msg:${message.msgId ?? `${message.from}:${message.createTime}:${message.msgType}`}`;
  return `event:${message.from}:${message.createTime}:${message.event}${message.msgId ? `:${message.msgId}` : ""}`;
}
