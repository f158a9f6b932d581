import { NextResponse } from "next/server";
import { AppError, httpStatusOf, toErrorResult, type ErrorCode } from "@/lib/errors";

/** Route handlers answer every failure with `{ ok: false, code }` and the code's status, never a bare 500. */
export function errorResponse(error: unknown): NextResponse {
  const result = toErrorResult(error);
  return NextResponse.json(
    { ok: false, code: result.code, ...(result.fieldErrors && { fieldErrors: result.fieldErrors }), ...(result.details && { details: result.details }) },
    { status: httpStatusOf(result.code), headers: { "Cache-Control": "no-store" } },
  );
}

/** Server actions get an origin check from Next; cookie-authenticated POST route handlers need their own. */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * A multipart body, refused with `tooLarge` when it announces more than `maxBodyBytes` before any of it is read;
 * a body that is not form data is a `validation` error.
 */
export async function readFormData(request: Request, maxBodyBytes: number, tooLarge: ErrorCode): Promise<FormData> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBodyBytes) throw new AppError(tooLarge);
  return request.formData().catch(() => {
    throw new AppError("validation");
  });
}

/**
 * `Content-Disposition` with the original name: an ASCII fallback for old clients and the exact name as RFC 5987
 * `filename*` (quotes and non-ASCII cannot break out of the header).
 */
export function contentDisposition(type: "inline" | "attachment", fileName: string, asciiFallback?: string): string {
  const fallback = asciiFallback ?? (fileName.replace(/[^\x20-\x7e]|["\\%;]/g, "_") || "download");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
