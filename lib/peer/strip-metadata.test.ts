import { describe, expect, it } from "vitest";
import { sniffType } from "@/lib/uploads/sniff-type";
import { stripMetadata } from "./strip-metadata";
import { jpegWithMetadata, pdfWithMetadata, pngWithMetadata } from "./test-fixtures";

const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, "utf8"));

describe("stripMetadata", () => {
  const AUTHOR = "Chen Siyuan";

  it("JPEG: EXIF, XMP and comments go, the orientation stays, the picture is untouched", () => {
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

  it("JPEG with orientation 1 gets no EXIF at all", () => {
    const stripped = stripMetadata(jpegWithMetadata(AUTHOR, 1), "image/jpeg");
    expect(contains(stripped, "Exif")).toBe(false);
  });

  it("PNG: text chunks go", () => {
    const stripped = stripMetadata(pngWithMetadata(AUTHOR), "image/png");
    expect(contains(stripped, AUTHOR)).toBe(false);
    expect(contains(stripped, "IHDR")).toBe(true);
    expect(contains(stripped, "IDAT")).toBe(true);
    expect(sniffType(stripped)).toBe("image/png");
  });

  it("PDF: /Author and XMP author blanked in place, same length, other entries kept", () => {
    const original = pdfWithMetadata(AUTHOR);
    const stripped = stripMetadata(original, "application/pdf");
    expect(stripped.length).toBe(original.length);
    const text = Buffer.from(stripped).toString("utf8");
    expect(text).not.toContain(`${AUTHOR} \\(`);
    expect(text).not.toContain(AUTHOR);
    expect(text).toContain("/Author <20202020>");
    expect(text).toContain("/Title (病例)");
    expect(text).toContain("/Creator (Word)");
    expect(text).toContain("<dc:creator><rdf:Seq><rdf:li>");
  });

  it("returns what it cannot follow unchanged", () => {
    const broken = Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 1, 2]);
    expect(stripMetadata(broken, "image/jpeg")).toBe(broken);
  });
});
