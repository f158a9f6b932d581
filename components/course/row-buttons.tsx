"use client";
import { useTranslations } from "next-intl";

const iconBase = "grid h-9 w-9 place-items-center rounded-lg border border-slate-300 bg-white hover:bg-slate-50 disabled:text-slate-300";
const iconButton = `${iconBase} text-slate-700`;
const removeButton = `${iconBase} text-red-600`;

/** Move up, move down and remove for one row of a list editor. */
export function RowButtons({ index, count, onMove, onRemove }: {
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("course.list");
  const n = index + 1;
  return (
    <div className="flex shrink-0 gap-1">
      <button type="button" className={iconButton} onClick={() => onMove(-1)} disabled={index === 0} aria-label={t("moveUp", { n })}>
        ↑
      </button>
      <button type="button" className={iconButton} onClick={() => onMove(1)} disabled={index === count - 1} aria-label={t("moveDown", { n })}>
        ↓
      </button>
      <button type="button" className={removeButton} onClick={onRemove} aria-label={t("remove", { n })}>
        ✕
      </button>
    </div>
  );
}
