import { AppError } from "@/lib/errors";
import { deflateToLength, inflateStream } from "./strip-metadata-flate";
import { blankJpegMetadataInPlace } from "./strip-metadata-image";
import { type PdfValue, dictsIn, nameOf, parseValue, skipSpace, valuesOf } from "./strip-metadata-pdf-syntax";
import { blankXmp } from "./strip-metadata-xmp";

/** Bytes being edited: the file itself, or the decoded content of one of its object streams. */
interface Region {
  /** The original bytes as latin1, one character per byte. */
  text: string;
  out: Uint8Array;
  /** Whether a byte of out now differs from the original. */
  changed: boolean;
}

interface PdfObject {
  num: number;
  gen: number;
  region: Region;
  /** Null where its syntax cannot be followed. */
  value: PdfValue | null;
}

interface PdfStream {
  dict: PdfValue;
  dataStart: number;
  dataEnd: number;
}

const regionOf = (bytes: Uint8Array): Region => ({
  text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"),
  out: new Uint8Array(bytes),
  changed: false,
});

const set = (region: Region, pos: number, byte: number) => {
  if (region.out[pos] === byte) return;
  region.out[pos] = byte;
  region.changed = true;
};

/** What a careful student is told to do instead: export the PDF again without document properties or a password. */
const unremovable = () => new AppError("peer.pdf_metadata_unremovable");

/**
 * The PDF part of stripMetadata (see strip-metadata.ts for what and why). Returns the bytes with every value that
 * could name the author blanked, the same length as before, or throws peer.pdf_metadata_unremovable.
 */
export function stripPdf(bytes: Uint8Array): Uint8Array {
  const file = regionOf(bytes);
  const plain = findObjects(file);
  const plainIndex = indexOf(plain);
  const streams = plain.flatMap((object) => streamOf(file, object, plainIndex) ?? []);
  const trailers = [...findTrailers(file), ...streams.filter((stream) => nameOf(stream.dict, "Type") === "XRef").map((stream) => stream.dict)];
  // Encrypted strings and streams cannot be read, so nothing in them can be checked, let alone blanked.
  if (trailers.some((trailer) => valuesOf(trailer, "Encrypt").length > 0)) throw unremovable();

  const objectStreams = streams
    .filter((stream) => nameOf(stream.dict, "Type") === "ObjStm")
    .map((stream) => ({ stream, region: decodeObjectStream(bytes, stream) }));
  const objects = [...plain, ...objectStreams.flatMap(({ stream, region }) => objectsIn(stream, region))];
  const index = indexOf(objects);

  const infoKeys = new Set<string>();
  for (const info of trailers.flatMap((trailer) => valuesOf(trailer, "Info"))) {
    if (info.kind === "ref") infoKeys.add(keyOf(info));
    else blankInfo(info, file, index);
  }
  // An Info dictionary that cannot be read cannot be blanked.
  if ([...infoKeys].some((key) => index.get(key)?.some((object) => !object.value))) throw unremovable();
  for (const object of objects) {
    if (!object.value) continue;
    if (infoKeys.has(keyOf(object)) || looksLikeInfo(object.value)) blankInfo(object.value, object.region, index);
    blankAnnotationAuthors(object.value, object.region, index);
  }
  for (const stream of streams) {
    if (isMetadataStream(stream.dict)) blankMetadataStream(bytes, file, stream);
    else if (nameOf(stream.dict, "Subtype") === "Image" && filterOf(stream.dict) === "DCTDecode") {
      blankJpegMetadataInPlace(file.out, stream.dataStart, stream.dataEnd);
    }
  }
  for (const { stream, region } of objectStreams) {
    if (region.changed && !writeStream(file, stream, region.out)) throw unremovable();
  }
  return file.out;
}

const keyOf = (object: { num: number; gen: number }) => `${object.num} ${object.gen}`;

// ── Finding objects ──

const WS = "[ \\t\\r\\n\\f\\0]";
const OBJECT_HEADER = new RegExp(`(?<![\\d.])(\\d+)${WS}+(\\d+)${WS}+obj(?![^ \\t\\r\\n\\f\\0()<>\\[\\]{}/%])`, "g");

/**
 * Every "n g obj" in the file, each revision of an incrementally updated file included: an old revision's Info
 * dictionary is still in the bytes, and still names the author.
 */
function findObjects(file: Region): PdfObject[] {
  return [...file.text.matchAll(OBJECT_HEADER)].map((match) => ({
    num: Number(match[1]),
    gen: Number(match[2]),
    region: file,
    value: parseValue(file.text, match.index + match[0].length),
  }));
}

function findTrailers(file: Region): PdfValue[] {
  return [...file.text.matchAll(/trailer/g)].flatMap((match) => {
    const value = parseValue(file.text, match.index + match[0].length);
    return value?.kind === "dict" ? [value] : [];
  });
}

/** Objects by "num gen"; one key has several objects in an incrementally updated file. */
const indexOf = (objects: PdfObject[]) => {
  const index = new Map<string, PdfObject[]>();
  for (const object of objects) index.set(keyOf(object), [...(index.get(keyOf(object)) ?? []), object]);
  return index;
};

/** Where a stream object's data lies: by its /Length when that checks out, else up to "endstream". */
function streamOf(file: Region, object: PdfObject, index: Map<string, PdfObject[]>): PdfStream | null {
  const dict = object.value;
  if (dict?.kind !== "dict") return null;
  const { text } = file;
  let dataStart = skipSpace(text, dict.end);
  if (!text.startsWith("stream", dataStart)) return null;
  dataStart += "stream".length;
  if (text[dataStart] === "\r") dataStart++;
  if (text[dataStart] === "\n") dataStart++;
  const length = lengthOf(dict, index);
  if (length !== null && /^[\r\n]*endstream/.test(text.slice(dataStart + length, dataStart + length + 12))) {
    return { dict, dataStart, dataEnd: dataStart + length };
  }
  const endstream = text.indexOf("endstream", dataStart);
  if (endstream < 0) return null;
  let dataEnd = endstream;
  if (text[dataEnd - 1] === "\n") dataEnd--;
  if (text[dataEnd - 1] === "\r") dataEnd--;
  return { dict, dataStart, dataEnd: Math.max(dataStart, dataEnd) };
}

function lengthOf(dict: PdfValue, index: Map<string, PdfObject[]>): number | null {
  const length = valuesOf(dict, "Length").at(-1);
  const value = length?.kind === "ref" ? index.get(keyOf(length))?.at(-1)?.value : length;
  return value?.kind === "number" && Number.isInteger(value.value) && value.value >= 0 ? value.value : null;
}

/** The one filter of a stream ("" for none), or null for a chain, a predictor or anything else not handled here. */
function filterOf(dict: PdfValue): string | null {
  const filter = valuesOf(dict, "Filter").at(-1);
  const names = !filter ? [] : filter.kind === "array" ? filter.items : [filter];
  const params = valuesOf(dict, "DecodeParms").flatMap((value) => [...dictsIn(value)]);
  const predictor = params.flatMap((value) => valuesOf(value, "Predictor")).some((value) => value.kind !== "number" || value.value > 1);
  if (names.length > 1 || predictor) return null;
  if (names.length === 0) return "";
  return names[0].kind === "name" ? names[0].name : null;
}

// ── Object streams ──

/** An object stream's decoded content, or a refusal: objects that cannot be read might be an Info dictionary. */
function decodeObjectStream(bytes: Uint8Array, stream: PdfStream): Region {
  const data = bytes.subarray(stream.dataStart, stream.dataEnd);
  const filter = filterOf(stream.dict);
  const decoded = filter === "" ? data : filter === "FlateDecode" ? inflateStream(data) : null;
  if (!decoded) throw unremovable();
  return regionOf(decoded);
}

/** The objects of a decoded object stream: its header lists "number offset" pairs, offsets counted from /First. */
function objectsIn(stream: PdfStream, region: Region): PdfObject[] {
  const count = valuesOf(stream.dict, "N").at(-1);
  const first = valuesOf(stream.dict, "First").at(-1);
  if (count?.kind !== "number" || first?.kind !== "number") throw unremovable();
  const header = region.text.slice(0, first.value).trim().split(/[ \t\r\n\f\0]+/).map(Number);
  if (header.length < 2 * count.value || header.some((n) => !Number.isInteger(n))) throw unremovable();
  return Array.from({ length: count.value }, (_, i) => ({
    num: header[2 * i],
    gen: 0,
    region,
    value: parseValue(region.text, first.value + header[2 * i + 1]),
  }));
}

/**
 * Puts new content into a stream without moving a byte after it: unfiltered content as it is (it has the same
 * length), FlateDecode content deflated into exactly the stream's length. Returns whether it fitted.
 */
function writeStream(file: Region, stream: PdfStream, content: Uint8Array): boolean {
  const length = stream.dataEnd - stream.dataStart;
  const filter = filterOf(stream.dict);
  const encoded = filter === "" ? content : filter === "FlateDecode" ? deflateToLength(content, length) : null;
  if (encoded?.length !== length) return false;
  file.out.set(encoded, stream.dataStart);
  return true;
}

// ── Info dictionary, annotations, XMP ──

const INFO_ONLY_KEYS = ["Author", "Creator", "Producer", "Keywords", "Subject"];
const DATE_KEYS = new Set(["CreationDate", "ModDate"]);
const PDF_DATE = /^\((?:D:)?\d{4,14}(?:[Zz+-][\d' ]*)?\)$/;

/** An Info dictionary no trailer points to any more (a broken file, an old revision): no /Type, an Info-only key. */
const looksLikeInfo = (value: PdfValue) => value.kind === "dict" && !nameOf(value, "Type") && INFO_ONLY_KEYS.some((key) => valuesOf(value, key).length > 0);

/**
 * Every string of the document information dictionary is blanked — Title (WPS and Word copy the file name,
 * "姓名-学号-作业", into it), Author, Subject, Keywords, Creator, Producer, and custom entries (Acrobat's PDFMaker copies
 * custom document properties there) — except CreationDate and ModDate when they are dates, which cannot name anyone.
 * Producer goes too: it is usually the program's name, but some tools let a user set it, and a reviewer needs none
 * of it.
 */
function blankInfo(info: PdfValue, region: Region, index: Map<string, PdfObject[]>) {
  if (info.kind !== "dict") return;
  for (const [key, value] of info.entries) {
    if (DATE_KEYS.has(key) && value.kind === "string" && PDF_DATE.test(region.text.slice(value.start, value.end))) continue;
    blankStrings(value, region, index, new Set());
  }
}

/** Markup annotations' /T is "the user who added the annotation" (ISO 32000-1 §12.5.6.2); form fields' /T is not. */
const MARKUP_ANNOTATIONS = new Set([
  "Text", "FreeText", "Line", "Square", "Circle", "Polygon", "PolyLine", "Highlight", "Underline", "Squiggly", "StrikeOut",
  "Stamp", "Caret", "Ink", "Popup", "FileAttachment", "Sound", "Redact",
]);

function blankAnnotationAuthors(value: PdfValue, region: Region, index: Map<string, PdfObject[]>) {
  for (const dict of dictsIn(value)) {
    if (!MARKUP_ANNOTATIONS.has(nameOf(dict, "Subtype") ?? "")) continue;
    for (const author of valuesOf(dict, "T")) blankStrings(author, region, index, new Set());
  }
}

/** Blanks every string in a value, following references (an Info entry may be "/Author 12 0 R"). */
function blankStrings(value: PdfValue, region: Region, index: Map<string, PdfObject[]>, seen: Set<string>) {
  if (value.kind === "string") blankString(region, value);
  else if (value.kind === "array") for (const item of value.items) blankStrings(item, region, index, seen);
  else if (value.kind === "dict") for (const [, inner] of value.entries) blankStrings(inner, region, index, seen);
  else if (value.kind === "ref") {
    const key = keyOf(value);
    if (seen.has(key)) return;
    seen.add(key);
    for (const target of index.get(key) ?? []) if (target.value) blankStrings(target.value, target.region, index, seen);
  }
}

/** Spaces over a literal string's content, "20" pairs (spaces) over a hex string's digits: the length stays. */
function blankString(region: Region, value: PdfValue) {
  if (value.kind !== "string") return;
  let digit = 0;
  for (let pos = value.start + 1; pos < value.end - 1; pos++) {
    if (!value.hex) set(region, pos, 0x20);
    else if (/[0-9A-Fa-f]/.test(region.text[pos])) set(region, pos, (digit++ % 2 === 0 ? "2" : "0").charCodeAt(0));
  }
}

const isMetadataStream = (dict: PdfValue) => nameOf(dict, "Type") === "Metadata" || nameOf(dict, "Subtype") === "XML";

/**
 * An XMP stream (the document's, a page's or an image's): every value blanked (strip-metadata-xmp.ts). Stored
 * uncompressed (the usual case, so that tools can find it) it is blanked in place; compressed it is inflated,
 * blanked and deflated back into the same bytes. If it cannot be read or does not fit, its content becomes an empty
 * packet, or zeros that no reader decodes: nothing of it is needed to show the document.
 */
function blankMetadataStream(bytes: Uint8Array, file: Region, stream: PdfStream) {
  const filter = filterOf(stream.dict);
  if (filter === "") {
    blankXmp(file.text, stream.dataStart, stream.dataEnd, (pos) => set(file, pos, 0x20));
    return;
  }
  const decoded = filter === "FlateDecode" ? inflateStream(bytes.subarray(stream.dataStart, stream.dataEnd)) : null;
  if (decoded) {
    const xmp = regionOf(decoded);
    blankXmp(xmp.text, 0, decoded.length, (pos) => set(xmp, pos, 0x20));
    if (!xmp.changed || writeStream(file, stream, xmp.out)) return;
  }
  if (filter === "FlateDecode" && writeStream(file, stream, new Uint8Array())) return;
  for (let pos = stream.dataStart; pos < stream.dataEnd; pos++) set(file, pos, 0);
}
