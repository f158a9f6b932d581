import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { StudentLive } from "@/components/live/student-live";
import { requirePortal } from "@/lib/auth/session";
import { getLiveState } from "@/lib/live/get-live-state";
import { orHttpError } from "@/lib/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("live.student"))("title") };
}

/** 课中 on the phone. `?code=` comes from the QR code on the board and fills in the sign-in code. */
export default async function StudentLivePage({ params, searchParams }: {
  params: Promise<{ lessonId: string }>;
  searchParams: Promise<{ code?: string | string[] }>;
}) {
  const actor = await requirePortal("student");
  const [{ lessonId }, { code }] = await Promise.all([params, searchParams]);
  const state = await orHttpError(getLiveState(actor, lessonId));
  if (state.viewer !== "student") notFound();
  const prefill = typeof code === "string" && /^\d{6}$/.test(code) ? code : undefined;
  return (
    <ClientMessages namespaces={["live"]}>
      <StudentLive initial={state} prefillCode={prefill} />
    </ClientMessages>
  );
}
