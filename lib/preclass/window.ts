import { AppError } from "@/lib/errors";

/** Where a package stands for students: not published, published but not open yet, open, or closed. */
export type WindowState = "unpublished" | "not_open" | "open" | "closed";

interface PackageWindow {
  status: "DRAFT" | "PUBLISHED";
  opensAt: Date | null;
  closesAt: Date | null;
}

export function windowStateOf(pkg: PackageWindow | null, now = new Date()): WindowState {
  if (!pkg || pkg.status !== "PUBLISHED" || !pkg.opensAt || !pkg.closesAt) return "unpublished";
  if (now < pkg.opensAt) return "not_open";
  if (now >= pkg.closesAt) return "closed";
  return "open";
}

/**
 * Students change their answers and feedback only while the window is open. An unpublished package does not exist
 * for them (not_found), the others get a code that says why.
 */
export function assertWindowOpen(pkg: PackageWindow | null, now = new Date()): void {
  const state = windowStateOf(pkg, now);
  if (state === "unpublished") throw new AppError("not_found");
  if (state === "not_open") throw new AppError("preclass.not_open");
  if (state === "closed") throw new AppError("preclass.closed");
}

/** What a student may read: the material, attachments and case, from the moment the window opens (also after it closes). */
export const isVisibleToStudents = (pkg: PackageWindow | null, now = new Date()): boolean => {
  const state = windowStateOf(pkg, now);
  return state === "open" || state === "closed";
};
