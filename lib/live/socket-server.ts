import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";
import { Server } from "socket.io";
import type { Actor } from "@/lib/auth/authz";
import type { LiveServerEvents } from "./events";
import { type LiveClientListeners, registerLiveHandlers } from "./handlers";
import { userRoom } from "./rooms";
import { actorFromCookieHeader } from "./socket-auth";

export interface SocketData {
  actor: Actor;
}

export { userRoom };

export interface SocketServerOptions {
  secret: string;
  /** With a Redis URL, events reach clients connected to every app instance. */
  redisUrl?: string;
}

/**
 * socket.io on the app's HTTP server. Only sockets with a valid session cookie connect; each joins its user room.
 * Feature handlers register on the returned server and authorize every event through lib/auth/authz.
 */
export async function attachSocketServer(httpServer: HttpServer, options: SocketServerOptions) {
  const io = new Server<LiveClientListeners, LiveServerEvents, Record<string, never>, SocketData>(httpServer, {
    path: "/socket.io",
    serveClient: false,
    // Recovery skips middlewares by default: a user disabled or signed out meanwhile would get the socket back.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
  });
  const closers: (() => Promise<unknown>)[] = [];
  if (options.redisUrl) {
    const pub = createClient({ url: options.redisUrl });
    const sub = pub.duplicate();
    pub.on("error", (error) => console.error("[socket.io] redis", error));
    sub.on("error", (error) => console.error("[socket.io] redis", error));
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub));
    closers.push(() => pub.quit(), () => sub.quit());
  }
  io.use(async (socket, next) => {
    const actor = await actorFromCookieHeader(socket.handshake.headers.cookie, options.secret).catch(() => null);
    if (!actor) return next(new Error("auth.unauthenticated"));
    socket.data.actor = actor;
    next();
  });
  io.on("connection", (socket) => {
    void socket.join(userRoom(socket.data.actor.id));
    registerLiveHandlers(socket);
  });
  return {
    io,
    async close() {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await Promise.allSettled(closers.map((close) => close()));
    },
  };
}
