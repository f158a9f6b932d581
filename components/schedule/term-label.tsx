import { getLocale } from "next-intl/server";

/** "2026-2027-1" → 2026–2027 学年第一学期 / 2026–2027, term 1 */
export async function TermLabel({ term }: { term: string }) {
  const locale = await getLocale();
  const match = term.match(/^(\d{4})-(\d{4})-(\d)$/);
  if (!match) return <>{term}</>;
  const [, from, to, n] = match;
  if (locale === "en") return <>{`${from}–${to}, term ${n}`}</>;
  return <>{`${from}–${to} 学年第${"一二三四"[Number(n) - 1] ?? n}学期`}</>;
}
