import { z } from "zod";
import { isCalendarDate } from "@/lib/lesson/local-time";
import { AUDIT_ACTIONS } from "./audit-actions";

export const AUDIT_PAGE_SIZE = 50;

/** A filter left empty in the form arrives as "": that means "any". */
const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const LocalDate = z.string().trim().refine(isCalendarDate, "validation.invalid_format");

/**
 * The audit viewer's filters, from the page's search parameters or the export link: action, actor (工号 or name,
 * part of it), a range of Asia/Shanghai dates (both days included), page. Unlike list pages that quietly fall back,
 * an unreadable filter is refused: an auditor must not mistake an unfiltered list for a filtered one.
 */
export const AuditFilterSchema = z
  .object({
    action: z.preprocess(blank, z.enum(AUDIT_ACTIONS).optional()),
    actor: z.preprocess(blank, z.string().trim().max(64).optional()),
    from: z.preprocess(blank, LocalDate.optional()),
    to: z.preprocess(blank, LocalDate.optional()),
    page: z.preprocess(blank, z.coerce.number().int().min(1).max(10_000).default(1)),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, { path: ["to"], message: "validation.date_order" });

export type AuditFilterInput = z.input<typeof AuditFilterSchema>;
export type AuditFilter = z.output<typeof AuditFilterSchema>;
