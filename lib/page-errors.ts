import { forbidden, notFound } from "next/navigation";
import { isAppError } from "./errors";

/**
 * For pages: runs a lib call and turns its not_found / auth.forbidden into the 404 / 403 page.
 * Any other error propagates to the error boundary.
 */
export async function orHttpError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    if (isAppError(error) && error.code === "auth.forbidden") forbidden();
    throw error;
  }
}
