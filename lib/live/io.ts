import type { Server } from "socket.io";

// server.ts creates the socket.io server; route handlers and server actions (a separate module graph in the same
// process) reach it through globalThis. With the Redis adapter, an emit here reaches every instance's clients.
const holder = globalThis as typeof globalThis & { __medblendIo?: Server };

export function setIo(io: Server | undefined): void {
  holder.__medblendIo = io;
}

export function getIo(): Server | undefined {
  return holder.__medblendIo;
}
