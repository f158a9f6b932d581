/** Text helpers shared by the GIFT and Moodle XML readers. */

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'", nbsp: " " };

/** The five XML entities, &nbsp; and numeric references; anything else stays as written (never expanded). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && code !== 0 ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export const containsImage = (html: string): boolean => /<img[\s>]|@@PLUGINFILE@@/i.test(html);

/**
 * Moodle question text is usually HTML; the bank stores Markdown. Paragraphs, line breaks, lists, bold and italics
 * survive; other tags are dropped (their text kept). Images are not carried over: callers reject them first.
 */
export function htmlToMarkdown(html: string): string {
  const text = html
    .replace(/\r\n?/g, "\n")
    .replace(/\n/g, " ")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|h[1-6]|ul|ol|table|tr)>/gi, "\n\n")
    .replace(/<li[^>]*>/gi, "\n- ")
    .replace(/<\/(td|th)>/gi, " ")
    .replace(/<\/?(strong|b)(\s[^>]*)?>/gi, "**")
    .replace(/<\/?(em|i)(\s[^>]*)?>/gi, "*")
    // Only what HTML parses as a tag: "<3/6 级>" in a heart-murmur grade is text.
    .replace(/<\/?[a-z][^>]*>|<!--[\s\S]*?-->/gi, "");
  return decodeEntities(text)
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** 1-based line of an offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === "\n") line++;
  return line;
}

/**
 * A tag from a Moodle category path ("$course$/top/心血管/瓣膜病" → "心血管/瓣膜病"); the last part alone when the
 * whole path is too long for a tag; null for the default categories that say nothing.
 */
export function categoryTag(path: string, maxLength: number): string | null {
  const parts = path
    .split("/")
    .map((part) => part.trim())
    .filter((part) => part && !/^\$(course|system|module|cat\d*)\$$/i.test(part) && !/^(top|默认|default)$/i.test(part));
  if (parts.length === 0) return null;
  const whole = parts.join("/");
  return [...whole].length <= maxLength ? whole : parts[parts.length - 1];
}

/** A Moodle question name "【病例1】 2" (or "[病例1]") names its case set; null for any other name. */
export function caseKeyOfName(name: string): string | null {
  return /^\s*[【[]\s*([^】\]\n]{1,40}?)\s*[】\]]/.exec(name)?.[1] ?? null;
}

/** Blank placeholders in a fill-in stem: ____ (three or more underscores) or an empty （　）. */
export const BLANK_PLACEHOLDER = /_{3,}|（[\s　]*）/g;
