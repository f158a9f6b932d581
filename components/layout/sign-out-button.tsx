import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/lib/account/actions";

export async function SignOutButton() {
  const t = await getTranslations("common");
  return (
    <form action={signOutAction}>
      <button type="submit" className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100">
        {t("signOut")}
      </button>
    </form>
  );
}
