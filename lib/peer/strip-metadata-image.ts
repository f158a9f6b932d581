/**
 * JPEG and PNG for strip-metadata.ts. Both keep a short list of what is needed to show the picture as it was meant
 * and drop everything else, so that a metadata block nobody listed (a vendor's APPn segment, a C2PA manifest, a
 * private PNG chunk) goes too. Anything after the end of the image (a phone's second picture, a motion photo's video)
 * goes as well.
 */

// ── JPEG ──

const EOI = 0xd9;
const SOS = 0xda;
const COM = 0xfe;

/** One marker segment (with its length and payload), a standalone marker, or (marker null) entropy-coded data. */
interface JpegPart {
  start: number;
  end: number;
  marker: number | null;
}

const startsWithAscii = (bytes: Uint8Array, at: number, text: string) => [...text].every((char, i) => bytes[at + i] === char.charCodeAt(0));

/**
 * APPn segments kept: JFIF (APP0), the colour profile (APP2 ICC_PROFILE) and Adobe's colour transform (APP14, without
 * which CMYK pictures decode wrongly). Every other APPn — EXIF and XMP (APP1), MPF (APP2), Ducky (APP12),
 * Photoshop/IPTC (APP13), JUMBF/C2PA (APP11) … — and comments go.
 */
function isKeptSegment(bytes: Uint8Array, part: JpegPart): boolean {
  const { marker } = part;
  if (marker === null) return true;
  if (marker === COM) return false;
  if (marker < 0xe0 || marker > 0xef) return true;
  const payload = part.start + 4;
  return (
    (marker === 0xe0 && startsWithAscii(bytes, payload, "JFIF\0")) ||
    (marker === 0xe2 && startsWithAscii(bytes, payload, "ICC_PROFILE\0")) ||
    (marker === 0xee && startsWithAscii(bytes, payload, "Adobe"))
  );
}

/** The parts of the JPEG in bytes [from, to), up to and including its EOI; null where they cannot be followed. */
function jpegParts(bytes: Uint8Array, from: number, to: number): JpegPart[] | null {
  if (bytes[from] !== 0xff || bytes[from + 1] !== 0xd8) return null;
  const parts: JpegPart[] = [{ start: from, end: from + 2, marker: 0xd8 }];
  let pos = from + 2;
  while (pos < to) {
    if (bytes[pos] !== 0xff) {
      pos++; // a stray byte between segments: skipped, as libjpeg does
      continue;
    }
    if (pos + 1 >= to) return null;
    const marker = bytes[pos + 1];
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    if (marker === EOI || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      parts.push({ start: pos, end: pos + 2, marker });
      if (marker === EOI) return parts;
      pos += 2;
      continue;
    }
    if (pos + 4 > to) return null;
    const length = (bytes[pos + 2] << 8) | bytes[pos + 3];
    const end = pos + 2 + length;
    if (length < 2 || end > to) return null;
    parts.push({ start: pos, end, marker });
    pos = end;
    if (marker === SOS) {
      const dataEnd = entropyDataEnd(bytes, pos, to);
      parts.push({ start: pos, end: dataEnd, marker: null });
      pos = dataEnd;
    }
  }
  // No EOI: a truncated file, kept as far as it goes.
  return parts;
}

/** Where a scan's entropy-coded data ends: at the next marker that is not a stuffed 0xFF00 or a restart marker. */
function entropyDataEnd(bytes: Uint8Array, pos: number, to: number): number {
  for (; pos + 1 < to; pos++) {
    if (bytes[pos] !== 0xff) continue;
    const next = bytes[pos + 1];
    if (next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) return pos;
  }
  return to;
}

/** A new JPEG without metadata; the EXIF orientation stays, as a minimal EXIF block, so phone photos stay upright. */
export function stripJpeg(bytes: Uint8Array): Uint8Array | null {
  const parts = jpegParts(bytes, 0, bytes.length);
  if (!parts) return null;
  const exif = parts.find((part) => part.marker === 0xe1 && startsWithAscii(bytes, part.start + 4, "Exif\0\0"));
  const orientation = exif ? exifOrientation(bytes.subarray(exif.start + 4, exif.end)) : null;
  const kept = parts.filter((part) => isKeptSegment(bytes, part)).map((part) => bytes.subarray(part.start, part.end));
  // After JFIF's APP0 when there is one (JFIF wants to come first), else right after SOI.
  if (orientation !== null && orientation !== 1) kept.splice(kept[1]?.[1] === 0xe0 ? 2 : 1, 0, orientationExif(orientation));
  return concat(kept);
}

/**
 * The same for a JPEG inside a PDF (a DCTDecode image), where bytes cannot be removed without moving the rest of the
 * file: the payload of every dropped segment, and whatever follows the EOI, is overwritten with zeros (a reader skips
 * an APPn it does not recognise). A JPEG that cannot be followed is left as it is.
 */
export function blankJpegMetadataInPlace(bytes: Uint8Array, from: number, to: number) {
  const parts = jpegParts(bytes, from, to);
  if (!parts) return;
  const ranges = parts.filter((part) => !isKeptSegment(bytes, part)).map((part) => [part.start + 4, part.end]);
  const last = parts.at(-1)!;
  if (last.marker === EOI) ranges.push([last.end, to]);
  for (const [start, end] of ranges) bytes.fill(0, start, end);
}

/** The Orientation tag (0x0112) of IFD0 in an APP1 "Exif" payload, or null. */
function exifOrientation(app1: Uint8Array): number | null {
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

// ── PNG ──

/**
 * Ancillary chunks kept: transparency, colour (gamma, chromaticities, sRGB, ICC profile, cICP, HDR metadata),
 * significant bits, background, pixel size, histogram, animation. Critical chunks (upper-case first letter) all stay:
 * a decoder cannot do without them. Text (tEXt, zTXt, iTXt), EXIF (eXIf), time (tIME), named palettes (sPLT) and
 * every private or unknown chunk (C2PA's caBX among them) go.
 */
const KEPT_PNG_CHUNKS = new Set(["tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "cICP", "mDCv", "cLLi", "sBIT", "bKGD", "pHYs", "hIST", "acTL", "fcTL", "fdAT"]);
const isCritical = (type: string) => type.charCodeAt(0) < 0x61;

export function stripPng(bytes: Uint8Array): Uint8Array | null {
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  let pos = 8;
  while (pos < bytes.length) {
    if (pos + 12 > bytes.length) return null;
    const length = ((bytes[pos] << 24) >>> 0) + (bytes[pos + 1] << 16) + (bytes[pos + 2] << 8) + bytes[pos + 3];
    const end = pos + 12 + length;
    if (end > bytes.length) return null;
    const type = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8));
    if (isCritical(type) || KEPT_PNG_CHUNKS.has(type)) kept.push(bytes.subarray(pos, end));
    pos = end;
    // Anything after IEND is not part of the picture.
    if (type === "IEND") break;
  }
  return concat(kept);
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
