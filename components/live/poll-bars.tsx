/** Poll results as horizontal bars, in percent of the students who answered (multiple choice may exceed 100 in sum). */
export function PollBars({ options, counts, respondents, large = false }: { options: string[]; counts: number[]; respondents: number; large?: boolean }) {
  const total = respondents;
  const max = Math.max(1, ...counts);
  return (
    <ol className={large ? "space-y-3" : "space-y-2"} data-testid="poll-results">
      {options.map((option, i) => {
        const count = counts[i] ?? 0;
        const percent = total ? Math.round((count / total) * 100) : 0;
        return (
          <li key={i}>
            <div className={`flex items-baseline justify-between gap-2 ${large ? "text-xl font-semibold" : "text-sm"}`}>
              <span className="min-w-0 break-words">
                {String.fromCharCode(65 + i)}. {option}
              </span>
              <span className="shrink-0 tabular-nums">
                {count} · {percent}%
              </span>
            </div>
            <div className={`mt-1 overflow-hidden rounded-full bg-slate-200 ${large ? "h-5" : "h-3"}`}>
              <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${(count / max) * 100}%` }} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
