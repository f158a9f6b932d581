import { PEER_PHASES, type PeerPhase } from "./schemas";

const indexOf = (phase: PeerPhase) => PEER_PHASES.indexOf(phase);

export type Transition = "forward" | "back";

/**
 * Manual switches: one step forward, or one step back to reopen the previous phase (more submissions, more
 * reviews, regrading). Back to SETUP only while no student has submitted. Anything else is refused.
 */
export function transitionOf(from: PeerPhase, to: PeerPhase, { hasSubmissions }: { hasSubmissions: boolean }): Transition | null {
  const step = indexOf(to) - indexOf(from);
  if (step === 1) return "forward";
  if (step === -1 && !(to === "SETUP" && hasSubmissions)) return "back";
  return null;
}

interface Schedule {
  phase: PeerPhase;
  submissionOpensAt: Date | null;
  submissionClosesAt: Date | null;
  assessmentClosesAt: Date | null;
}

/** The date that moves a phase on by itself, if any (grading evaluation → closed is always by hand). */
export function switchDateOf(schedule: Schedule): Date | null {
  switch (schedule.phase) {
    case "SETUP":
      return schedule.submissionOpensAt;
    case "SUBMISSION":
      return schedule.submissionClosesAt;
    case "ASSESSMENT":
      return schedule.assessmentClosesAt;
    default:
      return null;
  }
}

/** The next phase the dates call for at `now`, or null when the activity is where its dates say. */
export function duePhase(schedule: Schedule, now: Date): PeerPhase | null {
  const date = switchDateOf(schedule);
  return date && date <= now ? PEER_PHASES[indexOf(schedule.phase) + 1] : null;
}

/** Dates must follow each other where they are set. */
export function datesInOrder(dates: (Date | null)[]): boolean {
  const set = dates.filter((d): d is Date => d !== null);
  return set.every((d, i) => i === 0 || set[i - 1] < d);
}
