/** The file types MedBlend accepts as uploads, with the extensions that may carry each. */
export const FILE_TYPES = {
  "application/pdf": ["pdf"],
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/webp": ["webp"],
  // Office Open XML: zip containers, told apart by their parts (see sniff-type.ts). Homework accepts them.
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": ["pptx"],
} as const satisfies Record<string, readonly string[]>;

export type UploadMimeType = keyof typeof FILE_TYPES;

/** PDF and images: what pre-class attachments accept (and what a browser can show inline). */
export const DOCUMENT_AND_IMAGE_TYPES: readonly UploadMimeType[] = ["application/pdf", "image/png", "image/jpeg", "image/webp"];

export const isImageType = (mimeType: string): boolean => mimeType.startsWith("image/");

/** The lower-case extension of a file name ("" when it has none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
}
