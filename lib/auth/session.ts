import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { loadActor } from "./actor";
import { type Actor, type Portal, canUsePortal } from "./authz";
import { authOptions } from "./options";

/** The signed-in actor for this request, or null. Cached per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions)) as { userId?: string; sv?: number } | null;
  return loadActor(session?.userId, session?.sv);
});

/** For server actions and route handlers: throws AppError instead of redirecting. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("auth.unauthenticated");
  return actor;
}

/** For pages and layouts: sign-in redirect, first-login password change, 403 page for the wrong portal. */
export async function requirePortal(portal: Portal): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (actor.mustChangePassword) redirect("/account/password");
  if (!canUsePortal(actor, portal)) forbidden();
  return actor;
}

/** For pages outside the portals (account settings): signed in, any role. */
export async function requireSignedIn(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}
