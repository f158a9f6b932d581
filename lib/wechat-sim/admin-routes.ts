import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { type DeliverInput, DeliverSchema, type SimDelivery } from "./delivery";
import type { SimFaultsInput } from "./faults";
import { parseJsonObject, readBody, sendJson } from "./http-util";
import type { SimWorld } from "./world";

export interface AdminContext {
  world: SimWorld;
  deliveries: () => SimDelivery[];
  setFaults: (input: SimFaultsInput) => void;
  setCallback: (url: string | undefined) => void;
  deliver: (input: DeliverInput) => Promise<SimDelivery>;
}

const UserSchema = z.object({
  nickname: z.string().min(1).max(64),
  openid: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/).optional(),
  subscribed: z.boolean().optional(),
  blocksTemplates: z.boolean().optional(),
});

const CallbackSchema = z.object({ url: z.url().nullable() });

/**
 * /sim/admin/* for the CLI (and the lead's browser tests): GET state; POST faults, users, deliver, callback.
 * POSTs must be JSON: a page on another site cannot send that without a CORS preflight, which is never granted.
 */
export async function handleAdmin(ctx: AdminContext, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const { world } = ctx;
  if (req.method === "GET" && path === "/sim/admin/state") {
    return sendJson(res, 200, {
      users: [...world.users.values()],
      faults: world.faults,
      stats: world.stats,
      received: world.messages.length,
      deliveries: ctx.deliveries().slice(-50),
    });
  }
  if (req.method !== "POST") return sendJson(res, 405, { error: "method not allowed" });
  if (!req.headers["content-type"]?.startsWith("application/json")) return sendJson(res, 415, { error: "JSON only" });
  const body = parseJsonObject(await readBody(req));
  if (!body) return sendJson(res, 400, { error: "malformed JSON" });
  try {
    switch (path) {
      case "/sim/admin/faults":
        ctx.setFaults(body as SimFaultsInput);
        return sendJson(res, 200, { faults: world.faults });
      case "/sim/admin/users":
        return sendJson(res, 200, world.addUser(UserSchema.parse(body)));
      case "/sim/admin/deliver":
        return sendJson(res, 200, await ctx.deliver(DeliverSchema.parse(body)));
      case "/sim/admin/callback": {
        const { url } = CallbackSchema.parse(body);
        ctx.setCallback(url ?? undefined);
        return sendJson(res, 200, { callback: url });
      }
      default:
        return sendJson(res, 404, { error: "not found" });
    }
  } catch (error) {
    const message = error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
    return sendJson(res, 400, { error: message });
  }
}
