/**
 * Blanks every value of an XMP packet in place, for strip-metadata-pdf.ts: element text, attribute values (XMP writes
 * simple properties either way: <pdf:Author>…</pdf:Author> or pdf:Author="…"), comments, CDATA and processing
 * instructions. All of them, not a list of author properties: dc:title, dc:description, pdf:Keywords,
 * xmp:CreatorTool, custom pdfx: properties … may each carry a name, and a reviewer needs none of them. What keeps the
 * packet well-formed stays: tags, namespace declarations, rdf:about / rdf:parseType / xml:lang, the xpacket wrapper.
 * Works on latin1 text of UTF-8 bytes: every byte of a multi-byte character becomes a space, so the result is valid
 * UTF-8 of the same length.
 */

const KEPT_ATTRIBUTES = new Set(["rdf:about", "rdf:parseType", "xml:lang", "x:xmptk"]);
const keepsAttribute = (name: string) => name === "xmlns" || name.startsWith("xmlns:") || KEPT_ATTRIBUTES.has(name);

const isXmlSpace = (char: string) => char === " " || char === "\n" || char === "\r" || char === "\t";

/** `set(pos)` blanks one byte; it is called for every byte of a value between `from` and `to`. */
export function blankXmp(text: string, from: number, to: number, set: (pos: number) => void) {
  const blank = (start: number, end: number) => {
    for (let pos = start; pos < Math.min(end, to); pos++) if (!isXmlSpace(text[pos])) set(pos);
  };
  /** The end of a construct; an unclosed one runs to the end of the packet. */
  const endOf = (close: string, at: number) => {
    const found = text.indexOf(close, at);
    return found < 0 || found >= to ? to : found;
  };
  let pos = from;
  while (pos < to) {
    const open = text.indexOf("<", pos);
    const textEnd = open < 0 || open >= to ? to : open;
    blank(pos, textEnd);
    if (textEnd === to) return;
    if (text.startsWith("<?xpacket", open)) {
      pos = endOf("?>", open) + 2;
    } else if (text.startsWith("<?", open)) {
      // The target stays (a PI needs one), its data goes.
      let target = open + 2;
      while (target < to && !isXmlSpace(text[target]) && text[target] !== "?") target++;
      const end = endOf("?>", target);
      blank(target, end);
      pos = end + 2;
    } else if (text.startsWith("<!--", open)) {
      const end = endOf("-->", open + 4);
      blank(open + 4, end);
      pos = end + 3;
    } else if (text.startsWith("<![CDATA[", open)) {
      const end = endOf("]]>", open + 9);
      blank(open + 9, end);
      pos = end + 3;
    } else if (text.startsWith("<!", open)) {
      const end = endOf(">", open + 2);
      blank(open + 2, end);
      pos = end + 1;
    } else {
      pos = blankTag(text, open, to, blank);
    }
  }
}

/** Blanks the attribute values of the tag at `open` that are not kept; returns the position after its ">". */
function blankTag(text: string, open: number, to: number, blank: (start: number, end: number) => void): number {
  let pos = open + 1;
  let name = "";
  while (pos < to && text[pos] !== ">") {
    const char = text[pos];
    if (char === '"' || char === "'") {
      const close = text.indexOf(char, pos + 1);
      const end = close < 0 || close >= to ? to : close;
      if (!keepsAttribute(name)) blank(pos + 1, end);
      pos = end + 1;
    } else {
      // The attribute a quoted value belongs to is the last name before its "=".
      if (/[\w:.-]/.test(char)) name = /[\w:.-]/.test(text[pos - 1]) ? name + char : char;
      pos++;
    }
  }
  return pos + 1;
}
