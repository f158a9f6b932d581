export type SearchParams = Record<string, string | string[] | undefined>;

/** A page's search parameters with repeated keys reduced to their first value, ready for a filter schema. */
export const firstValues = (params: SearchParams): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));

/** The query string for `params` with `patch` applied; empty values are left out. */
export function queryString(params: Record<string, string | number | null | undefined>, patch: Record<string, string | number | null> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...patch })) {
    if (value !== null && value !== undefined && value !== "") search.set(key, String(value));
  }
  const out = search.toString();
  return out ? `?${out}` : "";
}
