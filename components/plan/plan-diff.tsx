import type { DiffRow, PlanDiff } from "@/lib/plan/plan-diff";

export interface PlanDiffLabels {
  title: string;
  summary: string;
  added: string;
  removed: string;
  noChanges: string;
  skipped: (lines: number) => string;
}

const ROW_STYLE = {
  added: { sign: "+", className: "bg-emerald-50 text-emerald-950" },
  removed: { sign: "−", className: "bg-red-50 text-red-950" },
  same: { sign: "", className: "text-slate-700" },
} as const;

/**
 * A plan version's changes, line by line, with the changed words marked. Additions are green and in <ins>, removals
 * red and in <del>, and each changed line says so in words for screen readers; the text is plain (never Markdown),
 * so whatever the plan contains shows as typed. Labels come translated so that this renders anywhere.
 */
export function PlanDiffView({ diff, labels }: { diff: PlanDiff; labels: PlanDiffLabels }) {
  return (
    <section data-testid="plan-diff" aria-label={labels.title} className="space-y-2">
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
        <span>{labels.summary}</span>
        <ins className="rounded bg-emerald-200 px-1 text-emerald-950 no-underline">+ {labels.added}</ins>
        <del className="rounded bg-red-200 px-1 text-red-950">− {labels.removed}</del>
      </p>
      {diff.added + diff.removed === 0 ? (
        <p className="text-sm text-slate-500">{labels.noChanges}</p>
      ) : (
        <div className="overflow-hidden rounded-lg border border-slate-200 font-mono text-[13px] leading-6">
          {diff.rows.map((row, i) => (
            <DiffLine key={i} row={row} labels={labels} />
          ))}
        </div>
      )}
    </section>
  );
}

function DiffLine({ row, labels }: { row: DiffRow; labels: PlanDiffLabels }) {
  if (row.kind === "skip") {
    return <p className="bg-slate-50 px-3 py-0.5 text-center font-sans text-xs text-slate-500">{labels.skipped(row.lines)}</p>;
  }
  const style = ROW_STYLE[row.kind];
  return (
    <div className={`flex min-h-6 ${style.className}`} data-diff={row.kind}>
      <span aria-hidden className="w-6 shrink-0 select-none text-center text-slate-500">
        {style.sign}
      </span>
      <span className="min-w-0 flex-1 whitespace-pre-wrap break-words pr-2">
        {row.kind !== "same" && <span className="sr-only">{row.kind === "added" ? labels.added : labels.removed}: </span>}
        {row.segments.map((segment, i) =>
          !segment.changed ? (
            segment.text
          ) : row.kind === "added" ? (
            <ins key={i} className="rounded-sm bg-emerald-200 no-underline">
              {segment.text}
            </ins>
          ) : (
            <del key={i} className="rounded-sm bg-red-200 decoration-red-500">
              {segment.text}
            </del>
          ),
        )}
      </span>
    </div>
  );
}
