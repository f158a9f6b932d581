import { notFound } from "next/navigation";
import { ZodError } from "zod";
import { orHttpError } from "@/lib/page-errors";

/**
 * For the note and thread pages: like orHttpError, and a malformed id from the URL (refused by the input schema)
 * is the 404 page too, not an error page.
 */
export async function loadOrNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await orHttpError(work);
  } catch (error) {
    if (error instanceof ZodError) notFound();
    throw error;
  }
}
