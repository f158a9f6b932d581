import { describe, expect, it } from "vitest";
import { MAX_WECHAT_XML_BYTES, WechatXmlError, buildXml, parseWechatXml } from "./xml";

// Messages as WeChat's documentation shows them (普通消息 / 事件推送 / 模板消息), one per kind the callback reads.
const SAMPLES = {
  text: `<xml>
  <ToUserName><![CDATA[gh_7f083739789a]]></ToUserName>
  <FromUserName><![CDATA[oia2TjuEGTNoeX76QEjQNrcURxG8]]></FromUserName>
  <CreateTime>1348831860</CreateTime>
  <MsgType><![CDATA[text]]></MsgType>
  <Content><![CDATA[二尖瓣狭窄 <b>&amp; 杂音]]></Content>
  <MsgId>1234567890123456789</MsgId>
</xml>`,
  image: `<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><FromUserName><![CDATA[oia2TjuEGTNoeX76QEjQNrcURxG8]]></FromUserName><CreateTime>1348831860</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://mmbiz.qpic.cn/x]]></PicUrl><MediaId><![CDATA[media_id]]></MediaId><MsgId>1234567890123456789</MsgId></xml>`,
  subscribe: `<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><FromUserName><![CDATA[oia2TjuEGTNoeX76QEjQNrcURxG8]]></FromUserName><CreateTime>123456789</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>`,
  unsubscribe: `<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><FromUserName><![CDATA[oia2TjuEGTNoeX76QEjQNrcURxG8]]></FromUserName><CreateTime>123456789</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[unsubscribe]]></Event></xml>`,
  templateFinished: `<xml>
  <ToUserName><![CDATA[gh_7f083739789a]]></ToUserName>
  <FromUserName><![CDATA[oia2TjuEGTNoeX76QEjQNrcURxG8]]></FromUserName>
  <CreateTime>1395658920</CreateTime>
  <MsgType><![CDATA[event]]></MsgType>
  <Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event>
  <MsgID>200163836</MsgID>
  <Status><![CDATA[failed:user block]]></Status>
</xml>`,
  click: `<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><FromUserName><![CDATA[oia2TjuEGTNoeX76QEjQNrcURxG8]]></FromUserName><CreateTime>123456789</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[CLICK]]></Event><EventKey><![CDATA[V1001_TODAY]]></EventKey></xml>`,
  safeMode: `<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><Encrypt><![CDATA[jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==]]></Encrypt></xml>`,
};

const sender = { ToUserName: "gh_7f083739789a", FromUserName: "oia2TjuEGTNoeX76QEjQNrcURxG8" };

describe("parseWechatXml", () => {
  it.each([
    ["text", SAMPLES.text, { ...sender, CreateTime: "1348831860", MsgType: "text", Content: "二尖瓣狭窄 <b>&amp; 杂音", MsgId: "1234567890123456789" }],
    ["image", SAMPLES.image, { ...sender, MsgType: "image", PicUrl: "http://mmbiz.qpic.cn/x", MediaId: "media_id", MsgId: "1234567890123456789" }],
    ["subscribe", SAMPLES.subscribe, { ...sender, MsgType: "event", Event: "subscribe", CreateTime: "123456789" }],
    ["unsubscribe", SAMPLES.unsubscribe, { ...sender, MsgType: "event", Event: "unsubscribe" }],
    ["TEMPLATESENDJOBFINISH", SAMPLES.templateFinished, { ...sender, Event: "TEMPLATESENDJOBFINISH", MsgID: "200163836", Status: "failed:user block" }],
    ["CLICK", SAMPLES.click, { ...sender, Event: "CLICK", EventKey: "V1001_TODAY" }],
    ["a safe-mode envelope", SAMPLES.safeMode, { ToUserName: "gh_7f083739789a", Encrypt: expect.stringMatching(/^jn1L23DB.*==$/) }],
  ])("reads a %s message as strings", (_name, xml, expected) => {
    const fields = parseWechatXml(xml);
    expect(fields).toMatchObject(expected);
    for (const value of Object.values(fields)) expect(typeof value).toBe("string");
  });

  it("keeps a 64-bit MsgId exactly and CDATA content as written", () => {
    const fields = parseWechatXml("<xml><MsgId>9223372036854775807</MsgId><Content><![CDATA[  两端空格 ]]></Content></xml>");
    expect(fields).toEqual({ MsgId: "9223372036854775807", Content: "  两端空格 " });
  });

  it("leaves nested elements and stray text out", () => {
    const xml = "<xml>stray<Event><![CDATA[scancode_push]]></Event><ScanCodeInfo><ScanType>qrcode</ScanType></ScanCodeInfo></xml>";
    expect(parseWechatXml(xml)).toEqual({ Event: "scancode_push" });
  });

  it("expands no entity, not even the predefined ones", () => {
    expect(parseWechatXml("<xml><A>x &amp; y &#60;</A></xml>")).toEqual({ A: "x &amp; y &#60;" });
  });

  it("accepts a user's text that merely mentions a DOCTYPE", () => {
    expect(parseWechatXml("<xml><Content><![CDATA[<!DOCTYPE html> 是什么？]]></Content></xml>")).toEqual({ Content: "<!DOCTYPE html> 是什么？" });
  });

  it("reads an empty <xml> as no fields", () => {
    expect(parseWechatXml("<xml></xml>")).toEqual({});
  });

  it.each([
    ["a DOCTYPE", `<?xml version="1.0"?><!DOCTYPE xml><xml><A>1</A></xml>`, "doctype"],
    ["an entity declaration (billion laughs)", `<!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><xml><A>&b;</A></xml>`, "doctype"],
    ["an external entity", `<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><A>&x;</A></xml>`, "doctype"],
    ["a lower-case doctype", `<!doctype xml><xml/>`, "doctype"],
    ["an unclosed element", "<xml><A>1</xml>", "malformed"],
    ["text that is not XML", "hello", "malformed"],
    ["an empty body", "", "malformed"],
    ["a field given twice", "<xml><FromUserName>a</FromUserName><FromUserName>b</FromUserName></xml>", "malformed"],
    ["a prototype-polluting name", "<xml><__proto__>1</__proto__></xml>", "malformed"],
    ["deep nesting", `<xml>${"<a>".repeat(50)}${"</a>".repeat(50)}</xml>`, "malformed"],
    ["another root element", "<message><A>1</A></message>", "not_wechat"],
    ["two roots", "<xml><A>1</A></xml><xml/>", "not_wechat"],
    ["more than the size limit", `<xml><Content><![CDATA[${"字".repeat(MAX_WECHAT_XML_BYTES / 3)}]]></Content></xml>`, "too_large"],
  ])("refuses %s", (_name, xml, reason) => {
    let caught: unknown;
    try {
      parseWechatXml(xml);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WechatXmlError);
    expect(caught).toMatchObject({ reason });
  });
});

describe("buildXml", () => {
  it("writes strings as CDATA and numbers bare, as WeChat does", () => {
    expect(buildXml({ ToUserName: "o1", CreateTime: 1348831860, Content: "你好 <b>" })).toBe(
      "<xml><ToUserName><![CDATA[o1]]></ToUserName><CreateTime>1348831860</CreateTime><Content><![CDATA[你好 <b>]]></Content></xml>",
    );
  });

  it("survives a value containing the CDATA end marker", () => {
    const content = "a]]>b]]><![CDATA[c";
    expect(parseWechatXml(buildXml({ Content: content }))).toEqual({ Content: content });
  });

  it("refuses a name that is not an element name", () => {
    expect(() => buildXml({ "bad name": "x" })).toThrow();
    expect(() => buildXml({ "a><b": "x" })).toThrow();
  });
});
