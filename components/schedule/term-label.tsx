import { getTranslations } from "next-intl/server";

/** "2026-2027-1" → 2026–2027 学年第一学期 / 2026–2027, term 1 */
export async function TermLabel({ term }: { term: string }) {
  const match = term.match(/^(\d{4})-(\d{4})-(\d)$/);
  if (!match) return <>{term}</>;
  const [, from, to, n] = match;
  const t = await getTranslations("common");
  return <>{t("term", { from, to, n })}</>;
}
