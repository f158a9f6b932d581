const MAX_NAME_LENGTH = 200;

// C0/C1 control characters and the Unicode bidi controls that can make "gpj.exe" display as "exe.jpg".
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The original file name, kept for display only: the last path segment, without control characters, at most 200
 * characters (the extension is kept when shortening). Files are never stored under this name.
 */
export function displayNameOf(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? "";
  const clean = base.replace(UNSAFE_CHARS, "").trim();
  if (clean.length <= MAX_NAME_LENGTH) return clean;
  const dot = clean.lastIndexOf(".");
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : "";
  return clean.slice(0, MAX_NAME_LENGTH - ext.length) + ext;
}
