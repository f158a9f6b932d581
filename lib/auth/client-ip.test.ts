import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, clientIpOf, normalizeIp, parseTrustedProxies, resolveClientIp, trustNoProxy } from "./client-ip";

describe("resolveClientIp", () => {
  const nginxOnLoopback = parseTrustedProxies("loopback");

  it("uses the peer and ignores X-Forwarded-For when no proxy is trusted (the default)", () => {
    expect(resolveClientIp("203.0.113.7", "198.51.100.1", trustNoProxy)).toBe("203.0.113.7");
    expect(resolveClientIp("203.0.113.7", "198.51.100.1", parseTrustedProxies(undefined))).toBe("203.0.113.7");
    expect(resolveClientIp("203.0.113.7", "198.51.100.1", parseTrustedProxies("  "))).toBe("203.0.113.7");
    expect(resolveClientIp("203.0.113.7", "198.51.100.1", parseTrustedProxies("0"))).toBe("203.0.113.7");
  });

  it("takes the client from X-Forwarded-For when the peer is a trusted proxy", () => {
    expect(resolveClientIp("127.0.0.1", "198.51.100.23", nginxOnLoopback)).toBe("198.51.100.23");
    expect(resolveClientIp("::ffff:127.0.0.1", "198.51.100.23", nginxOnLoopback)).toBe("198.51.100.23");
  });

  it("never believes the header from a peer that is not a trusted proxy", () => {
    // A client connecting straight to the app, bypassing the proxy, with a forged header.
    expect(resolveClientIp("203.0.113.7", "127.0.0.1, 198.51.100.23", nginxOnLoopback)).toBe("203.0.113.7");
  });

  it("takes the right-most untrusted entry, so addresses a client prepends are never read", () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; nginx appended the address it saw.
    expect(resolveClientIp("127.0.0.1", "1.2.3.4, 198.51.100.23", nginxOnLoopback)).toBe("198.51.100.23");
    // Two proxies: a load balancer at 10.0.0.5 in front of nginx on loopback.
    const twoProxies = parseTrustedProxies("loopback, 10.0.0.0/24");
    expect(resolveClientIp("127.0.0.1", "1.2.3.4, 198.51.100.23, 10.0.0.5", twoProxies)).toBe("198.51.100.23");
    // Several X-Forwarded-For header lines count as one list.
    expect(resolveClientIp("127.0.0.1", ["1.2.3.4", "198.51.100.23, 10.0.0.5"], twoProxies)).toBe("198.51.100.23");
  });

  it("with a hop count, trusts that many hops whatever their address", () => {
    const oneHop = parseTrustedProxies("1");
    const twoHops = parseTrustedProxies("2");
    expect(resolveClientIp("192.0.2.10", "1.2.3.4, 198.51.100.23", oneHop)).toBe("198.51.100.23");
    expect(resolveClientIp("192.0.2.10", "1.2.3.4, 198.51.100.23, 10.0.0.5", twoHops)).toBe("198.51.100.23");
    // Fewer entries than hops: the furthest address there is (as Express does).
    expect(resolveClientIp("192.0.2.10", "198.51.100.23", twoHops)).toBe("198.51.100.23");
  });

  it("uses the peer when a trusted proxy sent no header, and the last vouched-for address on a malformed entry", () => {
    expect(resolveClientIp("127.0.0.1", undefined, nginxOnLoopback)).toBe("127.0.0.1");
    expect(resolveClientIp("127.0.0.1", "", nginxOnLoopback)).toBe("127.0.0.1");
    expect(resolveClientIp("127.0.0.1", "evil.example, <script>", nginxOnLoopback)).toBe("127.0.0.1");
    expect(resolveClientIp("127.0.0.1", "x".repeat(10_000), nginxOnLoopback)).toBe("127.0.0.1");
    expect(resolveClientIp(undefined, "198.51.100.23", nginxOnLoopback)).toBe("unknown");
  });

  it("handles IPv6 peers and entries", () => {
    const v6 = parseTrustedProxies("2001:db8:1::/48");
    expect(resolveClientIp("2001:db8:1::2", "2001:DB8:FFFF::9", v6)).toBe("2001:db8:ffff::9");
    expect(resolveClientIp("2001:db8:2::2", "2001:db8:ffff::9", v6)).toBe("2001:db8:2::2");
    expect(resolveClientIp("::1", "[2001:db8::7]:4711", nginxOnLoopback)).toBe("2001:db8::7");
  });

  it("strips the ports some proxies append", () => {
    expect(resolveClientIp("127.0.0.1", "198.51.100.23:52311", nginxOnLoopback)).toBe("198.51.100.23");
  });
});

describe("parseTrustedProxies", () => {
  it("accepts addresses, CIDR ranges and Express's presets", () => {
    const trust = parseTrustedProxies("192.0.2.1, 10.1.0.0/16, linklocal, UNIQUELOCAL");
    expect(["192.0.2.1", "10.1.200.3", "169.254.1.1", "172.20.0.1", "fd00::1"].map((a) => trust(a, 0))).toEqual([true, true, true, true, true]);
    expect(["192.0.2.2", "11.1.0.1", "127.0.0.1", "2001:db8::1"].map((a) => trust(a, 0))).toEqual([false, false, false, false]);
  });

  it.each([
    ["true", "trust everyone (any client could pick its own address)"],
    ["yes", "a word"],
    ["10.0.0.0/33", "a prefix too long"],
    ["10.0.0.0/8/1", "two prefixes"],
    ["10.0.0", "a partial address"],
    ["10.0.0.1,", "a trailing comma"],
    ["-1", "a negative hop count"],
    ["constructor", "an inherited property name"],
  ])("refuses %s (%s) with a message naming the entry", (setting) => {
    expect(() => parseTrustedProxies(setting)).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("normalizeIp", () => {
  it.each([
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["[::1]:80", "::1"],
    ["fe80::1%eth0", "fe80::1"],
    [" 192.0.2.1 ", "192.0.2.1"],
    ["192.0.2.1:8080", "192.0.2.1"],
  ])("%s → %s", (raw, normalized) => {
    expect(normalizeIp(raw)).toBe(normalized);
  });

  it.each(["", "unknown", "999.1.1.1", "1.2.3.4.5", "::ffff:999.1.1.1"])("%j is not an address", (raw) => {
    expect(normalizeIp(raw)).toBeNull();
  });
});

describe("clientIpOf", () => {
  it("reads the header server.ts sets, from plain headers and from Headers", () => {
    expect(clientIpOf({ [CLIENT_IP_HEADER]: "198.51.100.23" })).toBe("198.51.100.23");
    expect(clientIpOf(new Headers({ [CLIENT_IP_HEADER]: "198.51.100.23" }))).toBe("198.51.100.23");
    expect(clientIpOf({})).toBe("unknown");
    expect(clientIpOf(undefined)).toBe("unknown");
  });
});
