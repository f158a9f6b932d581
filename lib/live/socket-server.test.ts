import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/tests/factories";
import { closeAll, connectClient, emitToUser, nextEvent, sessionCookie, settled, startSocketServer } from "@/tests/socket-helpers";
import { parseCookies } from "./socket-auth";

const SECRET = randomBytes(32).toString("hex");

describe("socket.io server", () => {
  let server: Awaited<ReturnType<typeof startSocketServer>>;
  beforeAll(async () => {
    server = await startSocketServer({ secret: SECRET });
  });
  afterAll(closeAll);

  it("connects a signed-in user and puts the socket in the user's room", async () => {
    const user = await makeUser("STUDENT");
    const other = await makeUser("STUDENT");
    const { socket, error } = await connectClient(server.url, await sessionCookie(user.id, SECRET));
    const { socket: otherSocket } = await connectClient(server.url, await sessionCookie(other.id, SECRET));
    expect(error).toBeUndefined();
    expect(socket.connected).toBe(true);
    const received = nextEvent(socket, "test:ping");
    let leaked = false;
    otherSocket.on("test:ping", () => (leaked = true));
    emitToUser(server.io, user.id, "test:ping", { n: 1 });
    await expect(received).resolves.toEqual({ n: 1 });
    // A round trip to the other socket's room proves the first event would have arrived by now.
    const otherReceived = nextEvent(otherSocket, "test:pong");
    emitToUser(server.io, other.id, "test:pong", null);
    await otherReceived;
    expect(leaked).toBe(false);
  });

  it("keeps the actor on the socket", async () => {
    const user = await makeUser("TEACHER");
    await connectClient(server.url, await sessionCookie(user.id, SECRET));
    const [serverSocket] = await server.io.in(`user:${user.id}`).fetchSockets();
    expect(serverSocket.data.actor).toMatchObject({ id: user.id, role: "TEACHER", no: user.no });
  });

  it("accepts the secure cookie name and a token split into chunks", async () => {
    const user = await makeUser("STUDENT");
    const jwt = (await sessionCookie(user.id, SECRET)).split("=")[1];
    const secure = await connectClient(server.url, `other=1; __Secure-next-auth.session-token=${jwt}`);
    expect(secure.error).toBeUndefined();
    const half = Math.floor(jwt.length / 2);
    const chunked = await connectClient(
      server.url,
      `next-auth.session-token.0=${jwt.slice(0, half)}; next-auth.session-token.1=${jwt.slice(half)}`,
    );
    expect(chunked.error).toBeUndefined();
  });

  it.each([
    ["disabled", { disabled: true }],
    ["signed out elsewhere", { sessionVersion: { increment: 1 } }],
  ] as const)("checks the session again when a dropped connection is recovered (user %s meanwhile)", async (_name, change) => {
    const user = await makeUser("STUDENT");
    const { socket } = await connectClient(server.url, await sessionCookie(user.id, SECRET), { reconnection: true });
    // Recovery resumes from the last broadcast the client saw.
    const received = nextEvent(socket, "test:ping");
    emitToUser(server.io, user.id, "test:ping", 1);
    await received;
    await db.user.update({ where: { id: user.id }, data: change });
    const reconnected = settled(socket);
    socket.io.engine.close();
    const { error } = await reconnected;
    expect(socket.recovered).toBe(false);
    expect(error?.message).toBe("auth.unauthenticated");
  });

  it("recovers a dropped connection of a user still signed in", async () => {
    const user = await makeUser("STUDENT");
    const { socket } = await connectClient(server.url, await sessionCookie(user.id, SECRET), { reconnection: true });
    const received = nextEvent(socket, "test:ping");
    emitToUser(server.io, user.id, "test:ping", 1);
    await received;
    const reconnected = settled(socket);
    socket.io.engine.close();
    expect((await reconnected).error).toBeUndefined();
    expect(socket.recovered).toBe(true);
    const again = nextEvent(socket, "test:ping");
    emitToUser(server.io, user.id, "test:ping", 2);
    await expect(again).resolves.toBe(2);
  });

  it("refuses handshakes without a valid session", async () => {
    const user = await makeUser("STUDENT");
    const stale = await makeUser("STUDENT");
    await db.user.update({ where: { id: stale.id }, data: { sessionVersion: 1 } });
    const disabled = await makeUser("STUDENT");
    await db.user.update({ where: { id: disabled.id }, data: { disabled: true } });
    const cases: [string, string | undefined][] = [
      ["no cookie", undefined],
      ["other cookies only", "NEXT_LOCALE=en"],
      ["garbage token", "next-auth.session-token=not-a-jwt"],
      ["another secret", await sessionCookie(user.id, "another-secret")],
      ["expired token", await sessionCookie(user.id, SECRET, { maxAge: -120 })],
      ["stale session version", await sessionCookie(stale.id, SECRET, { sv: 0 })],
      ["disabled user", await sessionCookie(disabled.id, SECRET)],
      ["deleted user", await sessionCookie("c-missing", SECRET)],
    ];
    for (const [name, cookie] of cases) {
      const { socket, error } = await connectClient(server.url, cookie);
      expect(error?.message, name).toBe("auth.unauthenticated");
      expect(socket.connected, name).toBe(false);
    }
  });
});

describe("parseCookies", () => {
  it("splits a cookie header, decodes values and skips malformed parts", () => {
    const cookies = parseCookies("a=1; b=hello%20world;noequals;=; c=%E0%A4%A; d=x=y");
    expect(Object.fromEntries(cookies)).toEqual({ a: "1", b: "hello world", c: "%E0%A4%A", d: "x=y" });
    expect(parseCookies(undefined).size).toBe(0);
  });
});

describe("socket.io across two instances (Redis)", () => {
  afterAll(closeAll);

  it.skipIf(!process.env.REDIS_URL)("delivers an event emitted on one instance to a client of the other", async () => {
    const first = await startSocketServer({ secret: SECRET, redisUrl: process.env.REDIS_URL });
    const second = await startSocketServer({ secret: SECRET, redisUrl: process.env.REDIS_URL });
    const user = await makeUser("STUDENT");
    const { socket, error } = await connectClient(first.url, await sessionCookie(user.id, SECRET));
    expect(error).toBeUndefined();
    const received = nextEvent(socket, "test:ping", 5000);
    // The adapter subscribes in the background; repeat until the first instance listens.
    const timer = setInterval(() => emitToUser(second.io, user.id, "test:ping", { from: "second" }), 100);
    emitToUser(second.io, user.id, "test:ping", { from: "second" });
    try {
      await expect(received).resolves.toEqual({ from: "second" });
    } finally {
      clearInterval(timer);
    }
  });
});
