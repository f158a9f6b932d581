import { useTranslations } from "next-intl";
import type { LatePolicySettings } from "@/lib/homework/late-deduction";

/** The late policy in one sentence, for students and on the teacher's overview. */
export function LatePolicyText({ policy }: { policy: LatePolicySettings }) {
  const t = useTranslations("homework.latePolicy");
  if (policy.latePolicy !== "DEDUCT") return <span>{t(policy.latePolicy)}</span>;
  const parts = [
    t("deduct", { rate: policy.lateRate, interval: t(`interval.${policy.lateInterval}`) }),
    policy.lateMaxDeduction !== null ? t("max", { max: policy.lateMaxDeduction }) : null,
    policy.lateFloor !== null ? t("floor", { floor: policy.lateFloor }) : null,
  ].filter(Boolean);
  return <span>{parts.join(t("separator"))}</span>;
}
