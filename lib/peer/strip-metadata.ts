/**
 * Removes what commonly names the author from a file handed in for a double-blind review. Best effort, on the bytes
 * as uploaded:
 * - JPEG: drops EXIF/XMP (APP1), Photoshop/IPTC (APP13), APP12 and comments; keeps the EXIF orientation as a new
 *   minimal EXIF block so that phone photos are not shown on their side. Colour profiles (APP2, APP14) stay.
 * - PNG: drops the text chunks (tEXt, zTXt, iTXt), eXIf and tIME.
 * - PDF: blanks, in place, the /Author entry and XMP dc:creator / pdf:Author where they are stored uncompressed (the
 *   usual case); the byte length is kept so the cross-reference table stays valid. Metadata inside compressed object
 *   streams is not reached.
 * A file whose structure cannot be followed is returned unchanged.
 */
export function stripMetadata(bytes: Uint8Array, mimeType: string): Uint8Array {
  if (mimeType === "image/jpeg") return stripJpeg(bytes) ?? bytes;
  if (mimeType === "image/png") return stripPng(bytes) ?? bytes;
  if (mimeType === "application/pdf") return blankPdfAuthor(bytes);
  return bytes;
}

const DROPPED_JPEG_MARKERS = new Set([0xe1, 0xec, 0xed, 0xfe]);

function stripJpeg(bytes: Uint8Array): Uint8Array | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let orientation: number | null = null;
  let pos = 2;
  while (pos < bytes.length) {
    if (bytes[pos] !== 0xff) return null;
    const marker = bytes[pos + 1];
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    if (marker === 0xda || marker === 0xd9) {
      kept.push(bytes.subarray(pos));
      break;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      kept.push(bytes.subarray(pos, pos + 2));
      pos += 2;
      continue;
    }
    if (pos + 4 > bytes.length) return null;
    const length = (bytes[pos + 2] << 8) | bytes[pos + 3];
    const end = pos + 2 + length;
    if (length < 2 || end > bytes.length) return null;
    if (marker === 0xe1) orientation ??= exifOrientation(bytes.subarray(pos + 4, end));
    if (!DROPPED_JPEG_MARKERS.has(marker)) kept.push(bytes.subarray(pos, end));
    pos = end;
  }
  // After JFIF's APP0 when there is one (JFIF wants to come first), else right after SOI.
  if (orientation !== null && orientation !== 1) kept.splice(kept[1]?.[1] === 0xe0 ? 2 : 1, 0, orientationExif(orientation));
  return concat(kept);
}

/** The Orientation tag (0x0112) of IFD0 in an APP1 "Exif" payload, or null. */
function exifOrientation(app1: Uint8Array): number | null {
  const header = "Exif\0\0";
  if (app1.length < 14 || [...header].some((char, i) => app1[i] !== char.charCodeAt(0))) return null;
  const tiff = app1.subarray(6);
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return null;
  const u16 = (at: number) => (at + 2 <= tiff.length ? (little ? tiff[at] | (tiff[at + 1] << 8) : (tiff[at] << 8) | tiff[at + 1]) : -1);
  const u32 = (at: number) => (at + 4 <= tiff.length ? (little ? u16(at) + u16(at + 2) * 65536 : u16(at) * 65536 + u16(at + 2)) : -1);
  const ifd = u32(4);
  const count = u16(ifd);
  if (ifd < 0 || count < 0) return null;
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}

/** APP1 with a big-endian TIFF header and one IFD0 entry: Orientation (SHORT). */
function orientationExif(orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const payload = [..."Exif\0\0"].map((c) => c.charCodeAt(0)).concat(tiff);
  const length = payload.length + 2;
  return Uint8Array.from([0xff, 0xe1, length >> 8, length & 0xff, ...payload]);
}

const DROPPED_PNG_CHUNKS = new Set(["tEXt", "zTXt", "iTXt", "eXIf", "tIME"]);

function stripPng(bytes: Uint8Array): Uint8Array | null {
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  let pos = 8;
  while (pos < bytes.length) {
    if (pos + 12 > bytes.length) return null;
    const length = ((bytes[pos] << 24) >>> 0) + (bytes[pos + 1] << 16) + (bytes[pos + 2] << 8) + bytes[pos + 3];
    const end = pos + 12 + length;
    if (end > bytes.length) return null;
    const type = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8));
    if (!DROPPED_PNG_CHUNKS.has(type)) kept.push(bytes.subarray(pos, end));
    pos = end;
    if (type === "IEND") break;
  }
  return concat(kept);
}

const PDF_AUTHOR_KEYS = ["/Author"];
const XMP_AUTHOR_TAGS = ["dc:creator", "pdf:Author"];

function blankPdfAuthor(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes);
  // latin1 keeps one character per byte, so string offsets are byte offsets.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  for (const key of PDF_AUTHOR_KEYS) {
    for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + key.length)) {
      let pos = at + key.length;
      while (pos < text.length && /\s/.test(text[pos])) pos++;
      if (text[pos] === "(") blankLiteralString(text, out, pos);
      else if (text[pos] === "<" && text[pos + 1] !== "<") blankHexString(text, out, pos);
    }
  }
  for (const tag of XMP_AUTHOR_TAGS) {
    const open = `<${tag}>`;
    const close = `</${tag}>`;
    for (let at = text.indexOf(open); at >= 0; at = text.indexOf(open, at + open.length)) {
      const end = text.indexOf(close, at);
      if (end < 0) break;
      blankXmlText(text, out, at + open.length, end);
    }
  }
  return out;
}

/** Spaces over a literal string's content, honouring escapes and nested parentheses. */
function blankLiteralString(text: string, out: Uint8Array, open: number) {
  let depth = 0;
  for (let pos = open; pos < text.length; pos++) {
    const char = text[pos];
    if (char === "\\") {
      out[pos] = 0x20;
      if (pos + 1 < text.length) out[pos + 1] = 0x20;
      pos++;
      continue;
    }
    if (char === "(") {
      depth++;
      if (depth > 1) out[pos] = 0x20;
      continue;
    }
    if (char === ")") {
      depth--;
      if (depth === 0) return;
      out[pos] = 0x20;
      continue;
    }
    out[pos] = 0x20;
  }
}

/** "20" pairs (spaces) over a hex string's digits. */
function blankHexString(text: string, out: Uint8Array, open: number) {
  let digit = 0;
  for (let pos = open + 1; pos < text.length && text[pos] !== ">"; pos++) {
    if (/[0-9A-Fa-f]/.test(text[pos])) out[pos] = (digit++ % 2 === 0 ? "2" : "0").charCodeAt(0);
  }
}

/** Spaces over the text between XML tags (the tags themselves stay, so the XMP still parses). */
function blankXmlText(text: string, out: Uint8Array, from: number, to: number) {
  let inTag = false;
  for (let pos = from; pos < to; pos++) {
    if (text[pos] === "<") inTag = true;
    else if (text[pos] === ">") inTag = false;
    else if (!inTag && !/\s/.test(text[pos])) out[pos] = 0x20;
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
