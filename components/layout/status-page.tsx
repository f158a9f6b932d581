import Link from "next/link";

export function StatusPage({ code, title, body, homeLabel }: { code: string; title: string; body: string; homeLabel: string }) {
  return (
    <main className="mx-auto flex min-h-[70dvh] max-w-md flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-5xl font-bold text-brand-600">{code}</p>
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="text-slate-600">{body}</p>
      <Link href="/" className="mt-2 rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white">
        {homeLabel}
      </Link>
    </main>
  );
}
