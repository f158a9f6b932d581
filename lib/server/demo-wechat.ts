import { SIMULATOR_PORT } from "@/lib/wechat/config";
import { startWechatSimulator } from "@/lib/wechat-sim";

/**
 * In demo mode the app brings its own WeChat: the local simulator on :3900 (unless `npm run wechat:sim` already
 * runs there), delivering user messages to this app's callback.
 */
export async function startDemoWechat(appPort: number): Promise<{ url: string; close(): Promise<void> } | null> {
  try {
    return await startWechatSimulator({
      port: Number(process.env.WECHAT_SIM_PORT ?? SIMULATOR_PORT),
      callback: `http://127.0.0.1:${appPort}/api/wechat/callback`,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") return null;
    throw error;
  }
}
