/** The file types MedBlend accepts as uploads, with the extensions that may carry each. */
export const FILE_TYPES = {
  "application/pdf": ["pdf"],
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/webp": ["webp"],
} as const satisfies Record<string, readonly string[]>;

export type UploadMimeType = keyof typeof FILE_TYPES;

export const isImageType = (mimeType: string): boolean => mimeType.startsWith("image/");

/** The lower-case extension of a file name ("" when it has none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
}
