import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import type { Server } from "socket.io";
import { type Socket, io as connect } from "socket.io-client";
import { type SocketServerOptions, attachSocketServer, userRoom } from "@/lib/live/socket-server";

// Real servers on ephemeral ports and real clients; `closeAll()` in afterAll lets the test process exit.

const closers: (() => Promise<unknown>)[] = [];

export async function startSocketServer(options: SocketServerOptions) {
  const httpServer = createServer();
  const sockets = await attachSocketServer(httpServer, options);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  closers.push(() => sockets.close());
  // Feature handlers have typed events; tests emit ad-hoc ones.
  const io = sockets.io as unknown as Server;
  return { url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`, io };
}

export const emitToUser = (io: Server, userId: string, event: string, payload: unknown) => io.to(userRoom(userId)).emit(event, payload);

/** A next-auth session cookie, as the browser sends it after signing in. */
export async function sessionCookie(userId: string, secret: string, options: { sv?: number; maxAge?: number } = {}) {
  const jwt = await encode({ token: { sub: userId, sv: options.sv ?? 0 }, secret, maxAge: options.maxAge });
  return `next-auth.session-token=${jwt}`;
}

/** Connects (by default once, without reconnecting) and settles on `connect` or `connect_error`. */
export function connectClient(url: string, cookie?: string, options: { reconnection?: boolean } = {}): Promise<{ socket: Socket; error?: Error }> {
  const socket = connect(url, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: options.reconnection ?? false,
    reconnectionDelay: 50,
    forceNew: true,
    extraHeaders: cookie ? { cookie } : {},
  });
  closers.unshift(async () => void socket.close());
  return settled(socket);
}

/** The outcome of the socket's next (re)connection. */
export function settled(socket: Socket): Promise<{ socket: Socket; error?: Error }> {
  return new Promise((resolve) => {
    const onConnect = () => {
      socket.off("connect_error", onError);
      resolve({ socket });
    };
    const onError = (error: Error) => {
      socket.off("connect", onConnect);
      resolve({ socket, error });
    };
    socket.once("connect", onConnect);
    socket.once("connect_error", onError);
  });
}

export function nextEvent<T = unknown>(socket: Socket, event: string, timeoutMs = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

/** Clients first (they were unshifted), then the servers. */
export async function closeAll() {
  for (const close of closers.splice(0)) await close();
}
