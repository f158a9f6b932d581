import { XMLParser, XMLValidator } from "fast-xml-parser";

/**
 * WeChat's flat XML messages: `<xml><ToUserName><![CDATA[…]]></ToUserName>…</xml>`. Parsing keeps every value a
 * string (MsgId is a 64-bit number), expands no entities and refuses DTDs, so a body cannot grow or reach outside.
 */

/** A callback body above this is refused before parsing; WeChat's largest messages are a few kilobytes. */
export const MAX_WECHAT_XML_BYTES = 64 * 1024;

export type WechatXmlFailure = "too_large" | "doctype" | "malformed" | "not_wechat";

export class WechatXmlError extends Error {
  constructor(readonly reason: WechatXmlFailure) {
    super(`wechat xml: ${reason}`);
    this.name = "WechatXmlError";
  }
}

const parser = new XMLParser({
  ignoreAttributes: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  // WeChat messages are two levels deep (a few event kinds three); anything deeper is not from WeChat.
  maxNestedTags: 8,
});

const DTD = /<!DOCTYPE|<!ENTITY/i;
// Users' text arrives in CDATA and may contain anything, "<!DOCTYPE" included: only markup outside it counts.
const CDATA_SECTION = /<!\[CDATA\[[\s\S]*?\]\]>/g;
const ELEMENT_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * The top-level elements of `<xml>` as strings. Nested elements (e.g. an event's ScanCodeInfo) are left out;
 * a field given twice is malformed rather than a guess.
 */
export function parseWechatXml(xml: string, maxBytes = MAX_WECHAT_XML_BYTES): Record<string, string> {
  if (Buffer.byteLength(xml, "utf8") > maxBytes) throw new WechatXmlError("too_large");
  if (DTD.test(xml.replace(CDATA_SECTION, ""))) throw new WechatXmlError("doctype");
  if (XMLValidator.validate(xml) !== true) throw new WechatXmlError("malformed");
  let parsed: unknown;
  try {
    parsed = parser.parse(xml);
  } catch {
    throw new WechatXmlError("malformed");
  }
  const root = (parsed as { xml?: unknown }).xml;
  if (root === "") return {};
  if (!root || typeof root !== "object" || Array.isArray(root)) throw new WechatXmlError("not_wechat");
  const fields: [string, string][] = [];
  for (const [name, value] of Object.entries(root)) {
    if (Array.isArray(value)) throw new WechatXmlError("malformed");
    if (typeof value === "string" && ELEMENT_NAME.test(name)) fields.push([name, value]);
  }
  return Object.fromEntries(fields);
}

/** `<xml>` with each field as an element: strings in CDATA, numbers (CreateTime) bare, as WeChat writes them. */
export function buildXml(fields: Record<string, string | number>): string {
  const body = Object.entries(fields)
    .map(([name, value]) => {
      if (!ELEMENT_NAME.test(name)) throw new Error(`not an XML element name: ${name}`);
      return `<${name}>${typeof value === "number" ? String(value) : cdata(value)}</${name}>`;
    })
    .join("");
  return `<xml>${body}</xml>`;
}

// "]]>" cannot appear inside CDATA: end the section before its ">" and open a new one.
const cdata = (value: string) => `<![CDATA[${value.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
