import { wechatCallbackGet, wechatCallbackPost } from "@/lib/wechat/callback";

export const dynamic = "force-dynamic";

// WeChat's server calls this URL (服务器配置); lib/wechat/callback.ts verifies, de-duplicates and answers within
// the 5-second rule, and never answers 500.

export function GET(request: Request) {
  return wechatCallbackGet(request);
}

export function POST(request: Request) {
  return wechatCallbackPost(request);
}
