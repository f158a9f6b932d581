/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A link target only when it is http(s): a template message's url must not become a javascript: link. */
export function safeHref(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#ededed;color:#111}
header{background:#2e2e2e;color:#fff;padding:12px 16px;font-size:17px;text-align:center;position:sticky;top:0}
header a{color:#fff}main{max-width:480px;margin:0 auto;padding:12px}
.card{background:#fff;border-radius:8px;padding:14px 16px;margin:0 0 12px}
.card h2{font-size:17px;margin:0 0 8px}.muted{color:#888;font-size:13px}.row{display:flex;gap:8px;margin:2px 0}
.row .k{color:#888;min-width:3.5em}.detail{display:block;border-top:1px solid #eee;margin-top:10px;padding-top:8px;color:#576b95;text-decoration:none}
.user{display:flex;align-items:center;gap:12px;text-decoration:none;color:inherit}.user img{width:44px;height:44px;border-radius:6px}
.btn{display:block;width:100%;padding:12px;border:0;border-radius:6px;font-size:16px;text-align:center;text-decoration:none;cursor:pointer}
.btn.primary{background:#07c160;color:#fff}.btn.plain{background:#f2f2f2;color:#111}.btn+.btn{margin-top:10px}
.bubble{max-width:80%;padding:8px 12px;border-radius:6px;margin:6px 0;word-break:break-word;white-space:pre-wrap}
.me{background:#95ec69;margin-left:auto}.app{background:#fff}.sys{color:#888;font-size:13px;text-align:center}
textarea{width:100%;min-height:72px;font:inherit;padding:8px;border:1px solid #ccc;border-radius:6px}
label{display:block;margin-bottom:6px}.error{color:#c00}
`;

/** A complete, mobile-first page; `body` must already be escaped. */
export function page(title: string, body: string, options: { script?: string; back?: string } = {}): string {
  const back = options.back ? `<a href="${escapeHtml(options.back)}" aria-label="返回" style="float:left">‹</a>` : "";
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><header>${back}${escapeHtml(title)}</header><main>${body}</main>${options.script ? `<script>${options.script}</script>` : ""}</body></html>`;
}
