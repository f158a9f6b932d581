import { describe, expect, it } from "vitest";
import { dedupeKeyOf, toInboundMessage } from "./inbound-message";

const base = { ToUserName: "gh_1", FromUserName: "oUser", CreateTime: "1714112445" };

describe("toInboundMessage", () => {
  it("reads a text message, keeping MsgId as a string", () => {
    expect(toInboundMessage({ ...base, MsgType: "text", Content: "你好", MsgId: "9223372036854775807" })).toEqual({
      to: "gh_1",
      from: "oUser",
      createTime: "1714112445",
      msgType: "text",
      event: null,
      content: "你好",
      msgId: "9223372036854775807",
      status: null,
    });
  });

  it("lower-cases the event and reads a template report's MsgID and Status", () => {
    expect(toInboundMessage({ ...base, MsgType: "event", Event: "TEMPLATESENDJOBFINISH", MsgID: "200163836", Status: "success" })).toMatchObject({
      msgType: "event",
      event: "templatesendjobfinish",
      msgId: "200163836",
      status: "success",
      content: null,
    });
  });

  it.each([
    ["ToUserName", { ...base, ToUserName: "" }],
    ["FromUserName", { ToUserName: "gh_1", CreateTime: "1" }],
    ["CreateTime", { ...base, CreateTime: "" }],
    ["a numeric CreateTime", { ...base, CreateTime: "yesterday" }],
  ])("refuses a message without %s", (_name, fields) => {
    expect(toInboundMessage({ MsgType: "text", ...fields })).toBeNull();
  });
  it("refuses a message without MsgType", () => {
    expect(toInboundMessage(base)).toBeNull();
  });
});

describe("dedupeKeyOf", () => {
  const key = (fields: Record<string, string>) => dedupeKeyOf(toInboundMessage({ ...base, ...fields })!);

  it("keys user messages by MsgId, whoever retries them", () => {
    expect(key({ MsgType: "text", MsgId: "42" })).toBe("msg:42");
    expect(key({ MsgType: "text", MsgId: "42", CreateTime: "1714112446" })).toBe("msg:42");
  });

  it("keys events by FromUserName + CreateTime + Event", () => {
    expect(key({ MsgType: "event", Event: "subscribe" })).toBe("event:oUser:1714112445:subscribe");
    expect(key({ MsgType: "event", Event: "unsubscribe" })).not.toBe(key({ MsgType: "event", Event: "subscribe" }));
  });

  it("tells apart two template reports of one second by their MsgID", () => {
    const report = (id: string) => key({ MsgType: "event", Event: "TEMPLATESENDJOBFINISH", MsgID: id, Status: "success" });
    expect(report("1")).toBe("event:oUser:1714112445:templatesendjobfinish:1");
    expect(report("1")).not.toBe(report("2"));
  });
});
