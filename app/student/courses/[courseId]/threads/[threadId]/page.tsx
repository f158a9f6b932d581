import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { ThreadView } from "@/components/threads/thread-view";
import { requirePortal } from "@/lib/auth/session";
import { getThread } from "@/lib/threads/get-thread";
import { loadOrNotFound } from "@/lib/threads/page-load";
import { threadsPath } from "@/lib/threads/paths";

interface Props {
  params: Promise<{ courseId: string; threadId: string }>;
}

// Metadata and page share one lookup per request.
const loadThread = cache(async (threadId: string) => getThread(await requirePortal("student"), { threadId }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const thread = await loadThread((await params).threadId).catch(() => null);
  return { title: thread?.title };
}

export default async function StudentThreadPage({ params }: Props) {
  const { courseId, threadId } = await params;
  const [thread, t] = await Promise.all([loadOrNotFound(loadThread(threadId)), getTranslations("threads")]);
  if (thread.course.id !== courseId) notFound();
  return (
    <ClientMessages namespaces={["threads"]}>
      <Link href={threadsPath("student", thread.course.id)} className="mb-3 inline-block text-sm text-brand-700">
        ← {t("detail.back")} · {thread.course.title}
      </Link>
      <ThreadView thread={thread} portal="student" />
    </ClientMessages>
  );
}
