"use client";
import { useEffect, useState, useSyncExternalStore } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { ErrorCode } from "@/lib/errors";
import { closeSignInAction, getSignInCodeAction, openSignInAction } from "@/lib/live/actions";
import type { StaffLiveState } from "@/lib/live/get-live-state";
import { ErrorText } from "./error-text";
import type { BoardRequest, BoardSetState } from "./live-board";
import { SignInQr } from "./signin-qr";

const LATE_AFTER_CHOICES = [0, 5, 10, 15, 20] as const;

const noSubscription = () => () => {};
/** The page's origin, known only in the browser (the server renders no QR code). */
const useOrigin = () => useSyncExternalStore(noSubscription, () => window.location.origin, () => null);

/** 签到 on the board: the rotating code (large, and as a QR code of the check-in link) and the attendance counts. */
export function SignInPanel({ state, setState, request }: { state: StaffLiveState; setState: BoardSetState; request: BoardRequest }) {
  const t = useTranslations("live.board.signIn");
  const format = useFormatter();
  const [lateAfter, setLateAfter] = useState(5);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [pending, setPending] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const { signIn, code, attendance, lessonId } = state;
  const open = !!signIn && !signIn.closedAt;
  const expiresAt = code ? Date.parse(code.expiresAt) : 0;

  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [open]);

  // A new code each window: ask when the shown one expires (or when there is none yet), and again every few seconds
  // while asking fails.
  const staleRound = open && state.canManage && (!code || expiresAt <= now) ? Math.floor(now / 5000) : null;
  useEffect(() => {
    if (staleRound === null) return;
    let cancelled = false;
    void request("live:signin-code", { lessonId }, getSignInCodeAction).then((result) => {
      if (!cancelled && result.ok) setState((current) => ({ ...current, code: result.data }));
    });
    return () => {
      cancelled = true;
    };
  }, [staleRound, lessonId, request, setState]);

  async function run(work: () => Promise<{ ok: boolean; code?: ErrorCode }>) {
    setPending(true);
    const result = await work();
    setPending(false);
    setError(result.ok ? null : (result.code ?? "common.unexpected"));
  }

  const openSignIn = () =>
    run(async () => {
      const result = await request("live:signin-open", { lessonId, lateAfterMinutes: lateAfter }, openSignInAction);
      if (result.ok) setState((current) => ({ ...current, signIn: result.data.signIn, code: result.data.code }));
      return result;
    });
  const closeSignIn = () =>
    run(async () => {
      const result = await request("live:signin-close", { lessonId }, closeSignInAction);
      if (result.ok) setState((current) => ({ ...current, signIn: result.data.signIn, code: null, attendance: result.data.counts }));
      return result;
    });

  const origin = useOrigin();
  const checkInUrl = code && origin ? `${origin}/student/lessons/${lessonId}/live?code=${code.code}` : null;

  return (
    <section className="rounded-xl border-2 border-slate-300 bg-white p-4" data-testid="signin-panel">
      <h2 className="mb-3 text-xl font-bold">{t("title")}</h2>
      {open && code && (
        <div className="mb-3 flex flex-wrap items-center gap-4">
          <div>
            <p className="text-sm text-slate-600">{t("code")}</p>
            <p data-testid="signin-code" className="font-mono text-6xl font-black tracking-widest tabular-nums">
              {code.code}
            </p>
            <p className="text-sm text-slate-600" suppressHydrationWarning>
              {t("refreshesIn", { seconds: Math.max(0, Math.ceil((expiresAt - now) / 1000)) })}
            </p>
          </div>
          {checkInUrl && <SignInQr url={checkInUrl} alt={t("qrAlt")} />}
          <p className="w-full text-sm text-slate-700">{t("scan")}</p>
        </div>
      )}
      {signIn?.closedAt && <p className="mb-2 text-sm text-slate-600">{t("closedAt", { time: format.dateTime(new Date(signIn.closedAt), { hour: "2-digit", minute: "2-digit" }) })}</p>}
      {signIn && (
        <dl className="mb-3 grid grid-cols-4 gap-2 text-center" data-testid="attendance-counts">
          {(["enrolled", "present", "late", "absent"] as const).map((key) => (
            <div key={key} className="rounded-lg bg-slate-100 py-2">
              <dt className="text-xs text-slate-600">{t(key)}</dt>
              <dd className="text-2xl font-bold tabular-nums" data-testid={`attendance-${key}`}>
                {attendance[key]}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {state.canManage &&
        (open ? (
          <button type="button" className={buttonClass("danger")} onClick={closeSignIn} disabled={pending} data-testid="signin-close">
            {t("close")}
          </button>
        ) : (
          <div className="flex flex-wrap items-end gap-2">
            <label className="text-sm text-slate-700">
              {t("lateAfter")}
              <select className={`${inputClass} mt-1`} value={lateAfter} onChange={(e) => setLateAfter(Number(e.target.value))}>
                {LATE_AFTER_CHOICES.map((minutes) => (
                  <option key={minutes} value={minutes}>
                    {t("minutes", { count: minutes })}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className={buttonClass("primary")} onClick={openSignIn} disabled={pending} data-testid="signin-open">
              {t("open")}
            </button>
          </div>
        ))}
      <div className="mt-2">
        <ErrorText code={error} />
      </div>
    </section>
  );
}
