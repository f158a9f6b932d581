import Link from "next/link";
import { getActor } from "@/lib/auth/session";
import { SignOutButton } from "./sign-out-button";

/** 403 / 404 pages; a signed-in user can also sign out there (e.g. to switch to the right account). */
export async function StatusPage({ code, title, body, homeLabel }: { code: string; title: string; body: string; homeLabel: string }) {
  const actor = await getActor();
  return (
    <main className="mx-auto flex min-h-[70dvh] max-w-md flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-5xl font-bold text-brand-600">{code}</p>
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="text-slate-600">{body}</p>
      <div className="mt-2 flex items-center gap-2">
        <Link href="/" className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white">
          {homeLabel}
        </Link>
        {actor && <SignOutButton />}
      </div>
    </main>
  );
}
