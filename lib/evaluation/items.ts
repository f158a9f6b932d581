import { randomBytes } from "node:crypto";
import { type EvaluationItem, StoredItemsSchema } from "./schemas";

/** The stored rating items; a malformed column reads as none rather than breaking the page. */
export function itemsOf(json: unknown): EvaluationItem[] {
  const parsed = StoredItemsSchema.safeParse(json);
  return parsed.success ? parsed.data : [];
}

/** Posted items as stored: saved items keep their id, new ones get a fresh random one. */
export function withItemIds(items: readonly { id?: string; text: string }[]): EvaluationItem[] {
  return items.map(({ id, text }) => ({ id: id ?? `i${randomBytes(5).toString("hex")}`, text }));
}

export const sameItems = (a: readonly EvaluationItem[], b: readonly EvaluationItem[]) =>
  a.length === b.length && a.every((item, i) => item.id === b[i].id && item.text === b[i].text);
