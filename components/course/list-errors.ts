import type { FieldErrors } from "@/lib/errors";

/** Field errors of one list field: those of the list itself and those of each item (`name.3` or `name.3.weight`). */
export function listErrorsOf(errors: FieldErrors | undefined, name: string) {
  return {
    list: errors?.[name],
    item: (index: number, field?: string) => errors?.[field ? `${name}.${index}.${field}` : `${name}.${index}`],
  };
}
