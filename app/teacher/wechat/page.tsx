import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { WechatSettingsPage } from "@/components/binding/wechat-settings-page";
import { requirePortal } from "@/lib/auth/session";
import { wechatSettingsPath } from "@/lib/binding/paths";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("wechat"))("settings.title") };
}

export default async function TeacherWechatPage() {
  return <WechatSettingsPage actor={await requirePortal("teacher")} path={wechatSettingsPath("teacher")} />;
}
