/** A share 0–1 as "75.0%"; a dash when there is nothing to show. */
export const percent = (value: number | null | undefined): string => (value === null || value === undefined ? "—" : `${(value * 100).toFixed(1)}%`);

/** A number with fixed decimals; a dash when there is nothing to show. */
export const decimal = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined ? "—" : value.toFixed(digits);

/** A share 0–1 as a chart value in percent (one decimal), null kept for gaps. */
export const chartPercent = (value: number | null): number | null => (value === null ? null : Math.round(value * 1000) / 10);
