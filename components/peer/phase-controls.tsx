"use client";
import { useTranslations } from "next-intl";
import { switchPhaseAction } from "@/lib/peer/actions";
import { PEER_PHASES, type PeerPhase } from "@/lib/peer/schemas";
import { ActionButton } from "./action-button";

/** Next phase and (where it makes sense) back one phase; entering assessment allocates, entering grading grades. */
export function PhaseControls({ activityId, phase, hasSubmissions }: { activityId: string; phase: PeerPhase; hasSubmissions: boolean }) {
  const t = useTranslations("peer.phaseControls");
  const tp = useTranslations("peer.phase");
  const index = PEER_PHASES.indexOf(phase);
  const next = PEER_PHASES[index + 1];
  const back = index > 0 && !(PEER_PHASES[index - 1] === "SETUP" && hasSubmissions) ? PEER_PHASES[index - 1] : null;
  return (
    <div className="flex flex-wrap items-start gap-2">
      {next && (
        <ActionButton
          action={switchPhaseAction}
          fields={{ activityId, phase: next }}
          variant="primary"
          testId="phase-next"
          label={t("next", { phase: tp(next) })}
          confirm={t(`confirm.${next}`)}
        />
      )}
      {back && (
        <ActionButton
          action={switchPhaseAction}
          fields={{ activityId, phase: back }}
          testId="phase-back"
          label={t("back", { phase: tp(back) })}
          confirm={t("confirmBack", { phase: tp(back) })}
          success={(data) => (data.autoSwitchOff ? t("autoSwitchOff") : t("moved"))}
        />
      )}
    </div>
  );
}
