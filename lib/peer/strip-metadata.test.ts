import { createHash } from "node:crypto";
import { deflateSync, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { toErrorResult } from "@/lib/errors";
import { sniffType } from "@/lib/uploads/sniff-type";
import { deflateToLength } from "./strip-metadata-flate";
import { stripMetadata } from "./strip-metadata";
import { jpegWithMetadata, pngWithMetadata } from "./test-fixtures";

const AUTHOR = "陈思远";
const STUDENT_NO = "2023010101";

const bytesOf = (text: string) => Buffer.from(text, "utf8");
const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(bytesOf(text));
/** The name as WPS writes it in a hex string: UTF-16BE with a byte order mark. */
const utf16Hex = (text: string) => `FEFF${Buffer.from(text, "utf16le").swap16().toString("hex").toUpperCase()}`;
const codeOf = (run: () => unknown) => {
  try {
    run();
    return "ok";
  } catch (error) {
    return toErrorResult(error).code;
  }
};

// ── PDF builders: real cross-reference data, so that the offsets can be checked to survive ──

type PdfBody = string | Uint8Array;

/** A stream object's body: the dictionary's entries, /Length and the data. */
const streamBody = (entries: string, data: PdfBody) => {
  const bytes = typeof data === "string" ? bytesOf(data) : Buffer.from(data);
  return Buffer.concat([bytesOf(`<< ${entries} /Length ${bytes.length} >>\nstream\n`), bytes, bytesOf("\nendstream")]);
};

/** A PDF 1.4 file with a classic xref table; `update` adds an incremental update (new objects, new trailer). */
function classicPdf(objects: Record<number, PdfBody>, trailer: string, update?: { objects: Record<number, PdfBody>; trailer: string }): Uint8Array {
  const parts: Buffer[] = [bytesOf("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")];
  const size = () => parts.reduce((n, part) => n + part.length, 0);
  const section = (section: Record<number, PdfBody>, trailerEntries: string, prev?: number) => {
    const offsets = new Map<number, number>();
    for (const [num, body] of Object.entries(section)) {
      offsets.set(Number(num), size());
      parts.push(bytesOf(`${num} 0 obj\n`), Buffer.from(body), bytesOf("\nendobj\n"));
    }
    const xref = size();
    const rows = [...offsets].map(([num, offset]) => `${num} 1\n${String(offset).padStart(10, "0")} 00000 n \n`).join("");
    parts.push(bytesOf(`xref\n0 1\n0000000000 65535 f \n${rows}trailer\n<< ${trailerEntries}${prev === undefined ? "" : ` /Prev ${prev}`} >>\nstartxref\n${xref}\n%%EOF\n`));
    return xref;
  };
  const first = section(objects, trailer);
  if (update) section(update.objects, update.trailer, first);
  return new Uint8Array(Buffer.concat(parts));
}

/** A PDF 1.5 file: `plain` objects as written, `packed` ones in one object stream (number 90), an xref stream (91). */
function compressedPdf(plain: Record<number, PdfBody>, packed: Record<number, string>, trailer: string, objStm = { filter: "/Filter /FlateDecode", encode: (data: Buffer) => deflateSync(data) }): Uint8Array {
  const parts: Buffer[] = [bytesOf("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")];
  const size = () => parts.reduce((n, part) => n + part.length, 0);
  const rows = new Map<number, [number, number]>();
  for (const [num, body] of Object.entries(plain)) {
    rows.set(Number(num), [1, size()]);
    parts.push(bytesOf(`${num} 0 obj\n`), Buffer.from(body), bytesOf("\nendobj\n"));
  }
  const bodies = Object.entries(packed).map(([num, body]) => [Number(num), `${body}\n`] as const);
  let offset = 0;
  const header = bodies.map(([num, body], i) => {
    rows.set(num, [2, i]);
    const pair = `${num} ${offset} `;
    offset += Buffer.byteLength(body);
    return pair;
  }).join("");
  const content = Buffer.concat([bytesOf(header), ...bodies.map(([, body]) => bytesOf(body))]);
  rows.set(90, [1, size()]);
  parts.push(bytesOf("90 0 obj\n"), streamBody(`/Type /ObjStm /N ${bodies.length} /First ${Buffer.byteLength(header)} ${objStm.filter}`, objStm.encode(content)), bytesOf("\nendobj\n"));
  rows.set(91, [1, size()]);
  const count = Math.max(...rows.keys()) + 1;
  const table = Buffer.alloc(count * 7);
  table[0] = 0;
  for (const [num, [type, field]] of rows) {
    table[num * 7] = type;
    table.writeUInt32BE(type === 2 ? 90 : field, num * 7 + 1);
    table.writeUInt16BE(type === 2 ? field : 0, num * 7 + 5);
  }
  const xref = size();
  parts.push(bytesOf("91 0 obj\n"), streamBody(`/Type /XRef /Size ${count} /W [1 4 2] ${trailer}`, table), bytesOf(`\nendobj\nstartxref\n${xref}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

/** An XMP packet with the author's name in element text, attributes, an array, CDATA and a comment. */
const xmpPacket = (name: string) =>
  `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n` +
  `<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 5.6"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
  `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" ` +
  `xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/" pdf:Keywords="${name}; ${STUDENT_NO}" xmp:CreatorTool='WPS ${name}'>\n` +
  `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${name}-${STUDENT_NO}-作业</rdf:li></rdf:Alt></dc:title>\n` +
  `<dc:subject><rdf:Bag><rdf:li>${name}</rdf:li></rdf:Bag></dc:subject>\n` +
  `<dc:description><rdf:Alt><rdf:li xml:lang="x-default"><![CDATA[${name} <作业>]]></rdf:li></rdf:Alt></dc:description>\n` +
  `<dc:creator><rdf:Seq><rdf:li>${name}</rdf:li></rdf:Seq></dc:creator><pdf:Author>${name}</pdf:Author><pdfx:学号>${STUDENT_NO}</pdfx:学号>\n` +
  `<!-- ${name} --></rdf:Description></rdf:RDF></x:xmpmeta>\n` +
  `${" ".repeat(200)}\n<?xpacket end="w"?>`;

const CATALOG = "<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R /Outlines 7 0 R >>";
const PAGES = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
/** A page with a sticky note (its /T is the author's name) and a form field (its /T is the field's name). */
const PAGE =
  `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [<< /Type /Annot /Subtype /Text /Rect [0 0 20 20] /T (${AUTHOR}) ` +
  `/Contents (心音描述再具体些) >> << /Subtype /Widget /FT /Tx /T (diagnosis) /Rect [0 30 200 50] >>] >>`;
const OUTLINES = "<< /Type /Outlines /First 8 0 R /Last 8 0 R /Count 1 >>";
const OUTLINE_ITEM = "<< /Title (第一章 病史) /Parent 7 0 R /Dest [3 0 R /Fit] >>";
/** The Info dictionary as WPS and Word write it, with a custom entry (hex, UTF-16) and an indirect one. */
const INFO =
  `<< /Title (${AUTHOR}-${STUDENT_NO}-作业) /Author (${AUTHOR} \\(${STUDENT_NO}\\)) /Subject (病例分析 ${AUTHOR}) ` +
  `/Keywords (${AUTHOR}; ${STUDENT_NO}) /Creator (WPS 文字 ${AUTHOR}) /Producer (${AUTHOR} 的电脑) ` +
  `/CreationDate (D:20260301120000+08'00') /ModDate (${AUTHOR}) /Company <${utf16Hex(AUTHOR)}> /Student#4Eo 5 0 R >>`;

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");

function expectNoAuthor(bytes: Uint8Array) {
  expect(contains(bytes, AUTHOR)).toBe(false);
  expect(contains(bytes, STUDENT_NO)).toBe(false);
  expect(text(bytes).toUpperCase()).not.toContain(utf16Hex(AUTHOR).slice(4));
}

/** The decoded data of stream object `num` (the file's bytes are latin1 here, one character per byte). */
function streamData(bytes: Uint8Array, num: number): Buffer {
  const latin1 = Buffer.from(bytes).toString("latin1");
  const start = latin1.indexOf(`${num} 0 obj`);
  const length = Number(/\/Length (\d+)/.exec(latin1.slice(start))![1]);
  const dataStart = latin1.indexOf("stream\n", start) + "stream\n".length;
  return Buffer.from(bytes.subarray(dataStart, dataStart + length));
}

/** Every xref table offset still points at "n 0 obj". */
function expectXrefValid(bytes: Uint8Array) {
  const latin1 = Buffer.from(bytes).toString("latin1");
  const rows = [...latin1.matchAll(/^(\d{10}) 00000 n /gm)].map((match) => Number(match[1]));
  expect(rows.length).toBeGreaterThan(0);
  for (const offset of rows) expect(latin1.slice(offset, offset + 20)).toMatch(/^\d+ 0 obj/);
}

describe("stripMetadata: JPEG", () => {
  const segment = (marker: number, payload: PdfBody) => {
    const data = Buffer.from(payload);
    return Buffer.concat([Buffer.from([0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff]), data]);
  };

  it("EXIF, XMP and comments go, the orientation stays, the picture is untouched", () => {
    const original = jpegWithMetadata(AUTHOR);
    const stripped = stripMetadata(original, "image/jpeg");
    expect(contains(original, AUTHOR)).toBe(true);
    expect(contains(stripped, AUTHOR)).toBe(false);
    expect(sniffType(stripped)).toBe("image/jpeg");
    // The new APP1 after JFIF carries only Orientation = 6.
    const app1 = Buffer.from(stripped).indexOf(Buffer.from([0xff, 0xe1, 0, 34]));
    expect(app1).toBe(2 + 2 + 16);
    expect(stripped[app1 + 4 + 6 + 8 + 2 + 8 + 1]).toBe(6);
    expect(contains(stripped, "JFIF")).toBe(true);
    expect([...stripped.subarray(-5)]).toEqual([0x12, 0x34, 0x56, 0xff, 0xd9]);
  });

  it("with orientation 1 gets no EXIF at all", () => {
    const stripped = stripMetadata(jpegWithMetadata(AUTHOR, 1), "image/jpeg");
    expect(contains(stripped, "Exif")).toBe(false);
  });

  it("keeps only the colour segments, drops every other APPn, comments between scans and what follows the image", () => {
    const icc = segment(0xe2, Buffer.concat([bytesOf("ICC_PROFILE\0"), Buffer.from([1, 1, 0, 0, 0, 0])]));
    const adobe = segment(0xee, Buffer.concat([bytesOf("Adobe"), Buffer.from([0, 100, 0, 0, 0, 0, 1])]));
    const scan = Buffer.from([...segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])), 0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56]);
    const original = new Uint8Array(Buffer.concat([
      Buffer.from([0xff, 0xd8]),
      segment(0xe0, Buffer.concat([bytesOf("JFIF\0"), Buffer.from([1, 1, 0, 0, 1, 0, 1, 0, 0])])),
      icc,
      segment(0xe2, bytesOf(`MPF\0${AUTHOR}`)),
      segment(0xeb, bytesOf(`JP c2pa author ${AUTHOR}`)),
      segment(0xec, bytesOf(`Ducky ${AUTHOR}`)),
      segment(0xed, bytesOf(`Photoshop 3.0\0${AUTHOR}`)),
      adobe,
      Buffer.from([0x00, 0x00]), // stray bytes, skipped
      segment(0xdb, Buffer.alloc(65, 1)),
      scan,
      segment(0xfe, bytesOf(`第二遍扫描前的注释 ${AUTHOR}`)),
      scan,
      Buffer.from([0xff, 0xd9]),
      // A phone's second picture (MPF) with its own EXIF, then a motion photo's video.
      Buffer.from([0xff, 0xd8]),
      segment(0xe1, bytesOf(`Exif\0\0Artist ${AUTHOR}`)),
      Buffer.from([0xff, 0xd9]),
      bytesOf(`ftypmp42 ${AUTHOR}`),
    ]));
    const stripped = stripMetadata(original, "image/jpeg");
    expect(contains(stripped, AUTHOR)).toBe(false);
    expect(Buffer.from(stripped).includes(icc)).toBe(true);
    expect(Buffer.from(stripped).includes(adobe)).toBe(true);
    expect(Buffer.from(stripped).indexOf(scan)).not.toBe(Buffer.from(stripped).lastIndexOf(scan));
    expect([...stripped.subarray(-2)]).toEqual([0xff, 0xd9]);
    expect(Buffer.from(stripped).indexOf(Buffer.from([0xff, 0xd9]))).toBe(stripped.length - 2);
  });

  it("returns what it cannot follow unchanged", () => {
    const broken = Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 1, 2]);
    expect(stripMetadata(broken, "image/jpeg")).toBe(broken);
  });
});

describe("stripMetadata: PNG", () => {
  const chunk = (type: string, data: PdfBody) => {
    const body = Buffer.from(data);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    return Buffer.concat([length, bytesOf(type), body, Buffer.alloc(4)]);
  };

  it("text chunks go", () => {
    const stripped = stripMetadata(pngWithMetadata(AUTHOR), "image/png");
    expect(contains(stripped, AUTHOR)).toBe(false);
    expect(contains(stripped, "IHDR")).toBe(true);
    expect(contains(stripped, "IDAT")).toBe(true);
    expect(sniffType(stripped)).toBe("image/png");
  });

  it("keeps the chunks that draw the picture, drops private and unknown ones and anything after IEND", () => {
    const kept = [
      chunk("IHDR", Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])),
      chunk("iCCP", Buffer.concat([bytesOf("Display P3\0\0"), Buffer.from([0x78, 0x9c])])),
      chunk("pHYs", Buffer.from([0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1])),
      chunk("IDAT", Buffer.from([0x78, 0x9c, 0x63, 0, 0, 0, 1, 0, 1])),
      chunk("IEND", ""),
    ];
    const original = new Uint8Array(Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      kept[0],
      chunk("tIME", Buffer.from([7, 234, 3, 1, 12, 0, 0])),
      chunk("zTXt", Buffer.concat([bytesOf("Author\0\0"), deflateSync(AUTHOR)])),
      chunk("eXIf", bytesOf(`MM\0*Artist ${AUTHOR}`)),
      chunk("sPLT", bytesOf(`${AUTHOR}的调色板\0\x08`)),
      chunk("caBX", bytesOf(`c2pa ${AUTHOR}`)),
      chunk("prVt", bytesOf(AUTHOR)),
      ...kept.slice(1),
      bytesOf(`appended ${AUTHOR}`),
    ]));
    const stripped = stripMetadata(original, "image/png");
    expect(contains(stripped, AUTHOR)).toBe(false);
    expect(Buffer.from(stripped)).toEqual(Buffer.concat([original.subarray(0, 8), ...kept]));
  });
});

describe("stripMetadata: PDF", () => {
  it("blanks every Info string but real dates, every XMP value and annotation authors, in place; offsets stay valid", () => {
    const original = classicPdf(
      { 1: CATALOG, 2: PAGES, 3: PAGE, 4: INFO, 5: `(${AUTHOR} ${STUDENT_NO})`, 6: streamBody("/Type /Metadata /Subtype /XML", xmpPacket(AUTHOR)), 7: OUTLINES, 8: OUTLINE_ITEM },
      "/Size 9 /Root 1 0 R /Info 4 0 R",
    );
    expect(contains(original, AUTHOR)).toBe(true);
    const stripped = stripMetadata(original, "application/pdf");
    expect(stripped.length).toBe(original.length);
    expectNoAuthor(stripped);
    expectXrefValid(stripped);
    const out = text(stripped);
    expect(out).toMatch(/\/Title \( +\) \/Author \( +\) \/Subject \( +\) \/Keywords \( +\) \/Creator \( +\) \/Producer \( +\)/);
    expect(out).toContain("/CreationDate (D:20260301120000+08'00')");
    expect(out).toMatch(/\/ModDate \( +\) \/Company <(20)+> \/Student#4Eo 5 0 R/);
    // What is content, not metadata, stays: the outline, the note's text, the form field's name.
    expect(out).toContain("/Title (第一章 病史)");
    expect(out).toContain("/Contents (心音描述再具体些)");
    expect(out).toContain("/T (diagnosis)");
    // The XMP is still well-formed, with nothing in it.
    const xmp = streamData(stripped, 6).toString("utf8");
    expect(xmp).toContain('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>');
    expect(xmp).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
    expect(xmp).toContain('x:xmptk="Adobe XMP Core 5.6"');
    expect(xmp).toMatch(/<dc:title><rdf:Alt><rdf:li xml:lang="x-default"> +<\/rdf:li>/);
    expect(xmp).toMatch(/pdf:Keywords=" +" xmp:CreatorTool=' +'/);
    expect(xmp).toMatch(/<!\[CDATA\[ +\]\]>/);
    expect(xmp).toContain('<?xpacket end="w"?>');
  });

  it("blanks the Info of every revision of an incrementally saved file", () => {
    const original = classicPdf(
      { 1: "<< /Type /Catalog /Pages 2 0 R >>", 2: "<< /Type /Pages /Kids [] /Count 0 >>", 4: `<< /Title (${AUTHOR}-${STUDENT_NO}) >>` },
      "/Size 5 /Root 1 0 R /Info 4 0 R",
      { objects: { 4: "<< /Title (病例分析) /Producer (Acrobat) >>" }, trailer: "/Size 5 /Root 1 0 R /Info 4 0 R" },
    );
    const stripped = stripMetadata(original, "application/pdf");
    expectNoAuthor(stripped);
    expect(text(stripped)).not.toContain("病例分析");
    expectXrefValid(stripped);
  });

  it("blanks the Info dictionary inside a compressed object stream and a compressed XMP stream, in the same bytes", () => {
    const xmp = deflateSync(xmpPacket(AUTHOR));
    const original = compressedPdf(
      { 1: CATALOG, 6: streamBody("/Type /Metadata /Subtype /XML /Filter /FlateDecode", xmp) },
      { 2: PAGES, 3: PAGE, 4: INFO, 5: `(${AUTHOR} ${STUDENT_NO})`, 7: OUTLINES, 8: OUTLINE_ITEM },
      "/Root 1 0 R /Info 4 0 R",
    );
    const stripped = stripMetadata(original, "application/pdf");
    expect(stripped.length).toBe(original.length);
    expect(Buffer.from(stripped.subarray(-40))).toEqual(Buffer.from(original.subarray(-40)));

    const before = inflateSync(streamData(original, 90));
    const after = inflateSync(streamData(stripped, 90));
    expectNoAuthor(after);
    // Every object is where the header says: same offsets, blanks where the names were, spaces after the last one.
    expect(after.toString("latin1").trimEnd().length).toBe(before.toString("latin1").trimEnd().length);
    expect(after.indexOf(bytesOf("/Title (第一章 病史)"))).toBe(before.indexOf(bytesOf("/Title (第一章 病史)")));
    expect(text(after)).toContain("/CreationDate (D:20260301120000+08'00')");
    expect(text(after)).toContain("/T (diagnosis)");

    const packet = inflateSync(streamData(stripped, 6)).toString("utf8");
    expectNoAuthor(bytesOf(packet));
    expect(packet).toMatch(/<dc:creator><rdf:Seq><rdf:li> +<\/rdf:li>/);
    expect(packet.trimEnd().endsWith('<?xpacket end="w"?>')).toBe(true);
  });

  it("removes the metadata of JPEG images inside, in place", () => {
    const photo = jpegWithMetadata(AUTHOR);
    const original = classicPdf(
      { 1: "<< /Type /Catalog /Pages 2 0 R >>", 2: "<< /Type /Pages /Kids [] /Count 0 >>", 3: streamBody("/Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace /DeviceRGB /Filter /DCTDecode", photo) },
      "/Size 4 /Root 1 0 R",
    );
    const stripped = stripMetadata(original, "application/pdf");
    expect(stripped.length).toBe(original.length);
    expect(contains(stripped, AUTHOR)).toBe(false);
    const image = streamData(stripped, 3);
    expect(image.includes(bytesOf("JFIF"))).toBe(true);
    expect([...image.subarray(-5)]).toEqual([0x12, 0x34, 0x56, 0xff, 0xd9]);
    expectXrefValid(stripped);
  });

  it.each([
    ["an encrypted file (its strings cannot be read)", () => classicPdf({ 1: "<< /Type /Catalog >>", 4: "<< /Title <9A3F11> >>", 9: "<< /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>" }, "/Size 10 /Root 1 0 R /Info 4 0 R /Encrypt 9 0 R")],
    ["an object stream in an encoding it cannot read", () => compressedPdf({ 1: CATALOG }, { 4: INFO }, "/Root 1 0 R /Info 4 0 R", { filter: "/Filter /ASCIIHexDecode", encode: (data) => Buffer.from(`${data.toString("hex")}>`) })],
    ["an object stream with a predictor", () => compressedPdf({ 1: CATALOG }, { 4: INFO }, "/Root 1 0 R /Info 4 0 R", { filter: "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >>", encode: (data) => deflateSync(data) })],
    ["an Info dictionary whose syntax cannot be followed", () => classicPdf({ 1: "<< /Type /Catalog >>", 4: `<< /Title {${AUTHOR}} >>` }, "/Size 5 /Root 1 0 R /Info 4 0 R")],
  ])("refuses %s with a code the student can act on", (_label, build) => {
    expect(codeOf(() => stripMetadata(build(), "application/pdf"))).toBe("peer.pdf_metadata_unremovable");
  });

  it("refuses an object stream whose blanked content no longer fits its bytes", () => {
    // The outline item repeats the title, which the original compresses as a reference to it; once the title is
    // blanked, the outline's copy has to be stored in full.
    const title = [1, 2, 3].map((i) => createHash("sha512").update(`${AUTHOR}${i}`).digest("hex")).join("");
    const original = compressedPdf({ 1: CATALOG }, { 4: `<< /Title (${title}) >>`, 8: `<< /Title (${title}) /Parent 7 0 R >>` }, "/Root 1 0 R /Info 4 0 R");
    expect(codeOf(() => stripMetadata(original, "application/pdf"))).toBe("peer.pdf_metadata_unremovable");
  });

  it("leaves a PDF without metadata byte for byte as it was", () => {
    const original = classicPdf({ 1: "<< /Type /Catalog /Pages 2 0 R >>", 2: "<< /Type /Pages /Kids [] /Count 0 >>", 4: "<< /CreationDate (D:20260301) >>" }, "/Size 5 /Root 1 0 R /Info 4 0 R");
    expect(Buffer.from(stripMetadata(original, "application/pdf"))).toEqual(Buffer.from(original));
  });
});

describe("deflateToLength", () => {
  const data = bytesOf(`<< /Title (${" ".repeat(40)}) /Producer (${" ".repeat(12)}) >>\n`.repeat(3));
  const smallest = deflateSync(data, { level: 9 }).length;

  it.each([0, 1, 2, 3, 8, 40, 1000, 70_000])("fills exactly the smallest zlib size + %d bytes, decoding to the data and then spaces", (extra) => {
    const encoded = deflateToLength(data, smallest + extra)!;
    expect(encoded.length).toBe(smallest + extra);
    const decoded = inflateSync(encoded);
    expect(decoded.subarray(0, data.length)).toEqual(data);
    expect(decoded.subarray(data.length).every((byte) => byte === 0x20)).toBe(true);
  });

  it("says when the data does not fit", () => {
    expect(deflateToLength(data, smallest - 1)).toBeNull();
  });
});
