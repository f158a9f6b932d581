import { getFormatter, getTranslations } from "next-intl/server";
import { PEER_PHASES, type PeerPhase } from "@/lib/peer/schemas";

const DAY = { month: "numeric", day: "numeric" } as const;
const TIME = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

/**
 * The five phases in order with the date that ends each one: done, current (highlighted) and to come. The same bar
 * for teachers and students, so both talk about the same "now".
 */
export async function PhaseBar({ phase, submissionOpensAt, submissionClosesAt, assessmentClosesAt, autoSwitch }: {
  phase: PeerPhase;
  submissionOpensAt: Date | null;
  submissionClosesAt: Date | null;
  assessmentClosesAt: Date | null;
  /** Shown to teachers only. */
  autoSwitch?: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations("peer"), getFormatter()]);
  const current = PEER_PHASES.indexOf(phase);
  const dateOf: Record<PeerPhase, { label: string; at: Date | null } | null> = {
    SETUP: submissionOpensAt ? { label: t("phaseBar.opens"), at: submissionOpensAt } : null,
    SUBMISSION: { label: t("phaseBar.until"), at: submissionClosesAt },
    ASSESSMENT: { label: t("phaseBar.until"), at: assessmentClosesAt },
    GRADING: null,
    CLOSED: null,
  };
  return (
    <div data-testid="phase-bar" data-phase={phase}>
      <ol className="grid grid-cols-5 gap-1" aria-label={t("phaseBar.label")}>
        {PEER_PHASES.map((p, i) => {
          const state = i < current ? "done" : i === current ? "current" : "todo";
          const date = dateOf[p];
          return (
            <li
              key={p}
              aria-current={state === "current" ? "step" : undefined}
              className={`min-w-0 rounded-lg border px-1 py-1.5 text-center text-xs leading-tight sm:px-2 sm:text-sm ${
                state === "current"
                  ? "border-brand-600 bg-brand-600 text-white"
                  : state === "done"
                    ? "border-slate-200 bg-slate-100 text-slate-500"
                    : "border-slate-200 bg-white text-slate-700"
              }`}
            >
              <span className="block font-medium">{t(`phase.${p}`)}</span>
              {date && (
                <span className={`mt-0.5 block text-[11px] ${state === "current" ? "text-brand-50" : "text-slate-500"}`}>
                  {date.at ? (
                    <>
                      <span className="block">{date.label}</span>
                      <span className="block whitespace-nowrap">{format.dateTime(date.at, DAY)}</span>
                      <span className="block whitespace-nowrap">{format.dateTime(date.at, TIME)}</span>
                    </>
                  ) : (
                    t("phaseBar.byHand")
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {autoSwitch !== undefined && <p className="mt-1 text-xs text-slate-500">{autoSwitch ? t("phaseBar.autoOn") : t("phaseBar.autoOff")}</p>}
    </div>
  );
}
