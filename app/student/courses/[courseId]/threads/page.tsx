import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/intl/client-messages";
import { Pager } from "@/components/threads/pager";
import { ThreadForm } from "@/components/threads/thread-form";
import { ThreadList } from "@/components/threads/thread-list";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePortal } from "@/lib/auth/session";
import { listThreads } from "@/lib/threads/list-threads";
import { loadOrNotFound } from "@/lib/threads/page-load";
import { threadsPath } from "@/lib/threads/paths";
import { getCourseWritingContext } from "@/lib/threads/writing-context";

interface Props {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<{ page?: string }>;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("threads"))("title") };
}

export default async function StudentThreadsPage({ params, searchParams }: Props) {
  const actor = await requirePortal("student");
  const [{ courseId }, { page }] = await Promise.all([params, searchParams]);
  const context = await loadOrNotFound(getCourseWritingContext(actor, courseId));
  const [threads, t] = await Promise.all([listThreads(actor, { courseId, page }), getTranslations("threads")]);
  return (
    <ClientMessages namespaces={["threads"]}>
      <Link href={`/student/courses/${courseId}`} className="mb-2 inline-block text-sm text-brand-700">
        ← {context.course.title}
      </Link>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="grid gap-4 *:min-w-0 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <ThreadList items={threads.items} portal="student" courseId={courseId} canModerate={false} />
          <Pager
            page={threads.page}
            pageCount={threads.pageCount}
            hrefOf={(n) => `${threadsPath("student", courseId)}?page=${n}`}
            labels={{ nav: t("pager.label"), prev: t("pager.prev"), next: t("pager.next"), status: t("pager.page", { page: threads.page, count: threads.pageCount }) }}
          />
        </Card>
        <Card title={t("new")}>
          <ThreadForm context={context} />
        </Card>
      </div>
    </ClientMessages>
  );
}
