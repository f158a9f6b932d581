import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { BindingState, WechatSettings } from "@/lib/binding/queries";

const TONES: Record<BindingState, "green" | "amber" | "red" | "slate"> = {
  active: "green",
  unsubscribed: "amber",
  unreachable: "red",
  withdrawn: "slate",
  unbound: "slate",
};

/** The student's binding: state with what it means for them, nickname (if shown), bound since. */
export async function BindingCard({ binding }: { binding: NonNullable<WechatSettings["binding"]> }) {
  const [t, format] = await Promise.all([getTranslations("wechat"), getFormatter()]);
  return (
    <Card title={t("settings.binding")}>
      <div data-testid="wechat-binding" data-state={binding.state} className="space-y-3 text-sm">
        <div className="flex items-center gap-3">
          {binding.avatarUrl && (
            // A WeChat CDN image the student chose to show; next/image would need every CDN host configured.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={binding.avatarUrl} alt="" width={40} height={40} referrerPolicy="no-referrer" className="h-10 w-10 rounded-full" />
          )}
          <Badge tone={TONES[binding.state]}>{t(`status.${binding.state}`)}</Badge>
        </div>
        <p className="text-slate-700">{t(`status.${binding.state}Help`)}</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="text-slate-500">{t("settings.nickname")}</dt>
          <dd>{binding.nickname ?? <span className="text-slate-500">{t("settings.noNickname")}</span>}</dd>
          <dt className="text-slate-500">{t("settings.boundSince")}</dt>
          <dd>{format.dateTime(binding.boundAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
        </dl>
      </div>
    </Card>
  );
}
