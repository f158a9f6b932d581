import type { IncomingMessage, ServerResponse } from "node:http";

export class BodyTooLargeError extends Error {}

/** The request body as text, refusing more than `limit` bytes. */
export async function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError("body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, body: string, contentType: string): void {
  res.writeHead(status, {
    "content-type": `${contentType}; charset=utf-8`,
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    // The pages are self-contained: inline style and the one inline script, nothing from elsewhere.
    "content-security-policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
  });
  res.end(body);
}

export const sendHtml = (res: ServerResponse, status: number, html: string) => sendText(res, status, html, "text/html");

export function redirect(res: ServerResponse, status: 302 | 303, location: string): void {
  res.writeHead(status, { location, "content-length": 0 });
  res.end();
}

/** A WeChat API answer: always HTTP 200, success or not. */
export const sendWechat = (res: ServerResponse, body: Record<string, unknown>) => sendJson(res, 200, body);

export const wechatError = (res: ServerResponse, errcode: number, errmsg: string) => sendWechat(res, { errcode, errmsg });

export function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
