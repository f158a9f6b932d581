import { NextResponse } from "next/server";
import { httpStatusOf, toErrorResult } from "@/lib/errors";

/** Route handlers answer every failure with `{ ok: false, code }` and the code's status, never a bare 500. */
export function errorResponse(error: unknown): NextResponse {
  const result = toErrorResult(error);
  return NextResponse.json(result, { status: httpStatusOf(result.code), headers: { "Cache-Control": "no-store" } });
}
