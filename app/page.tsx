import { redirect } from "next/navigation";
import { homePortalOf } from "@/lib/auth/authz";
import { getActor } from "@/lib/auth/session";

export default async function Home() {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (actor.mustChangePassword) redirect("/account/password");
  redirect(`/${homePortalOf(actor.role)}`);
}
