import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { NAMESPACES } from "@/i18n/config";

type Namespace = (typeof NAMESPACES)[number];

/**
 * Gives the client components below it the listed message namespaces in addition to the root layout's
 * (common, errors, validation, auth), so a page ships only the texts its client components use.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: Namespace[]; children: ReactNode }) {
  const messages = await getMessages();
  const picked = Object.fromEntries(
    ["common", "errors", "validation", "auth", ...namespaces].map((ns) => [ns, messages[ns]]),
  );
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
