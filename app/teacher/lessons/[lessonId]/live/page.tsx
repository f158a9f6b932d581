import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { LiveBoard } from "@/components/live/live-board";
import { requirePortal } from "@/lib/auth/session";
import { getLiveState } from "@/lib/live/get-live-state";
import { orHttpError } from "@/lib/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("live.board"))("title") };
}

/** 课中 for the teacher: the live board, usually on the projector. */
export default async function TeacherLivePage({ params }: { params: Promise<{ lessonId: string }> }) {
  const actor = await requirePortal("teacher");
  const state = await orHttpError(getLiveState(actor, (await params).lessonId));
  if (state.viewer !== "staff") notFound();
  return (
    <ClientMessages namespaces={["live"]}>
      <LiveBoard initial={state} />
    </ClientMessages>
  );
}
