"use client";
import { useTranslations } from "next-intl";
import type { LiveStatus } from "./use-live-socket";

const TONES: Record<LiveStatus, string> = {
  connecting: "bg-slate-100 text-slate-700",
  live: "bg-emerald-100 text-emerald-800",
  offline: "bg-amber-100 text-amber-900",
};

export function ConnectionBadge({ status }: { status: LiveStatus }) {
  const t = useTranslations("live.status");
  return (
    <span role="status" data-testid="live-status" data-status={status} className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-medium ${TONES[status]}`}>
      <span aria-hidden className={`h-2 w-2 rounded-full ${status === "live" ? "bg-emerald-500" : status === "offline" ? "bg-amber-500" : "bg-slate-400"}`} />
      {t(status)}
    </span>
  );
}
