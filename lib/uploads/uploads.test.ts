import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { FILES } from "@/lib/preclass/test-fixtures";
import { uploadDir, uploadMaxBytes } from "./config";
import { deleteUpload } from "./delete-upload";
import { displayNameOf } from "./display-name";
import type { UploadMimeType } from "./file-types";
import { openUpload } from "./open-upload";
import { sniffType } from "./sniff-type";
import { storeUpload } from "./store-upload";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "medblend-uploads-"));
const ALL: UploadMimeType[] = ["application/pdf", "image/png", "image/jpeg", "image/webp"];
const options = (fileName: string, maxBytes = 1024) => ({ fileName, allowed: ALL, maxBytes });
const stored = () => (fs.existsSync(uploadDir()) ? fs.readdirSync(uploadDir()) : []);

beforeEach(() => {
  process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(root, "case-"));
});

afterAll(() => {
  delete process.env.UPLOAD_DIR;
  fs.rmSync(root, { recursive: true, force: true });
});

describe("sniffType", () => {
  it.each([
    ["pdf", "application/pdf"],
    ["png", "image/png"],
    ["jpeg", "image/jpeg"],
    ["webp", "image/webp"],
    ["html", null],
  ] as const)("%s → %s", (kind, type) => {
    expect(sniffType(FILES[kind])).toBe(type);
  });

  it("does not take a truncated signature or an empty file", () => {
    expect(sniffType(FILES.png.slice(0, 4))).toBeNull();
    expect(sniffType(new Uint8Array())).toBeNull();
    expect(sniffType(new TextEncoder().encode("RIFF\0\0\0\0WAVE"))).toBeNull();
  });
});

describe("displayNameOf", () => {
  it.each([
    ["../../etc/passwd.png", "passwd.png"],
    ["C:\\Users\\李\\讲义.pdf", "讲义.pdf"],
    ["a\u0000b\nc\u202egnp.exe", "abcgnp.exe"],
    ["  心脏听诊.pdf  ", "心脏听诊.pdf"],
  ])("%j → %j", (input, expected) => {
    expect(displayNameOf(input)).toBe(expected);
  });

  it("shortens long names but keeps the extension", () => {
    const name = displayNameOf(`${"长".repeat(300)}.pdf`);
    expect(name).toHaveLength(200);
    expect(name.endsWith(".pdf")).toBe(true);
  });
});

describe("config", () => {
  it("reads UPLOAD_MAX_BYTES, falling back to 10 MB for nonsense", () => {
    process.env.UPLOAD_MAX_BYTES = "2048";
    expect(uploadMaxBytes()).toBe(2048);
    for (const bad of ["", "abc", "-1", "1.5"]) {
      process.env.UPLOAD_MAX_BYTES = bad;
      expect(uploadMaxBytes()).toBe(10 * 1024 * 1024);
    }
    delete process.env.UPLOAD_MAX_BYTES;
  });
});

describe("storeUpload", () => {
  it("stores under a random key, never the uploaded name, and can read it back", async () => {
    const first = await storeUpload(FILES.pdf, options("../../讲义.pdf"));
    const second = await storeUpload(FILES.pdf, options("../../讲义.pdf"));
    expect(first).toMatchObject({ fileName: "讲义.pdf", mimeType: "application/pdf", size: FILES.pdf.length });
    expect(first.storageKey).toMatch(/^[0-9a-f]{32}$/);
    expect(second.storageKey).not.toBe(first.storageKey);
    expect(stored().sort()).toEqual([first.storageKey, second.storageKey].sort());

    const file = await openUpload(first.storageKey);
    expect(file.size).toBe(FILES.pdf.length);
    expect(new Uint8Array(await new Response(file.stream).arrayBuffer())).toEqual(FILES.pdf);

    await deleteUpload(first.storageKey);
    await deleteUpload(first.storageKey);
    expect(stored()).toEqual([second.storageKey]);
    await expect(openUpload(first.storageKey)).rejects.toMatchObject({ code: "not_found" });
  });

  it.each([
    ["an empty file", new Uint8Array(), "a.pdf", "upload.empty"],
    ["a file over the limit", new Uint8Array(1025).fill(0x25), "a.pdf", "upload.too_large"],
    ["HTML named .png", FILES.html, "a.png", "upload.wrong_type"],
    ["a PNG named .pdf", FILES.png, "a.pdf", "upload.wrong_type"],
    ["a PNG named .svg", FILES.png, "a.svg", "upload.wrong_type"],
    ["a PNG without an extension", FILES.png, "png", "upload.wrong_type"],
    ["a PDF named .exe", FILES.pdf, "a.exe", "upload.wrong_type"],
  ])("refuses %s and stores nothing", async (_label, bytes, fileName, code) => {
    await expect(storeUpload(bytes, options(fileName))).rejects.toMatchObject({ code });
    expect(stored()).toEqual([]);
  });

  it("refuses a type the caller does not allow", async () => {
    await expect(storeUpload(FILES.png, { fileName: "a.png", allowed: ["application/pdf"], maxBytes: 1024 })).rejects.toMatchObject({
      code: "upload.wrong_type",
    });
    expect(stored()).toEqual([]);
  });

  it("accepts each allowed type with each of its extensions", async () => {
    const cases = [["pdf", "x.PDF"], ["png", "x.png"], ["jpeg", "x.jpg"], ["jpeg", "x.jpeg"], ["webp", "x.webp"]] as const;
    for (const [kind, name] of cases) {
      await expect(storeUpload(FILES[kind], options(name))).resolves.toMatchObject({ fileName: name });
    }
    expect(stored()).toHaveLength(cases.length);
  });

  it("never opens or deletes a path outside the upload directory", async () => {
    for (const key of ["../secret", "/etc/passwd", "", "ABCDEF0123456789ABCDEF0123456789"]) {
      await expect(openUpload(key)).rejects.toMatchObject({ code: "not_found" });
      await expect(deleteUpload(key)).rejects.toMatchObject({ code: "not_found" });
    }
  });
});
