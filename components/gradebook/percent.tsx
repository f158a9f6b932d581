import { roundPercent } from "@/lib/gradebook/combine-grades";

/** A percentage with one decimal, or a dash when there is nothing to show. */
export function Percent({ value, testId }: { value: number | null; testId?: string }) {
  return (
    <span className="tabular-nums" data-testid={testId}>
      {value === null ? "—" : `${roundPercent(value)}%`}
    </span>
  );
}
