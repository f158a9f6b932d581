import type { UploadMimeType } from "./file-types";
import { zipEntryNames } from "./zip-entries";

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** Office Open XML documents by the folder of their main part; every one also has [Content_Types].xml. */
const OFFICE_PARTS: readonly [string, UploadMimeType][] = [
  ["word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  ["xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  ["ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
];

/**
 * The type a file's content says it is, from its first bytes (magic numbers) and, for zip-based office documents,
 * the names of its parts; null for anything else (a plain zip too). The name a browser sends and the Content-Type
 * it claims are not evidence: both come from the uploader.
 */
export function sniffType(bytes: Uint8Array): UploadMimeType | null {
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeTypeOf(bytes);
  return null;
}

function officeTypeOf(bytes: Uint8Array): UploadMimeType | null {
  const names = zipEntryNames(bytes);
  if (!names?.includes("[Content_Types].xml")) return null;
  const found = OFFICE_PARTS.filter(([folder]) => names.some((name) => name.startsWith(folder)));
  // A file with parts of two kinds is not a document any office program would open as one of them.
  return found.length === 1 ? found[0][1] : null;
}
