import { BlockList, isIP } from "node:net";

/** The header server.ts sets from the socket's address (client-supplied values are overwritten there). */
export const CLIENT_IP_HEADER = "x-medblend-client-ip";

export function clientIpOf(headers: Record<string, unknown> | Headers | undefined): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers?.[CLIENT_IP_HEADER];
  return typeof value === "string" && value ? value : "unknown";
}

/**
 * Whether the address `hop` steps from the app (0 = the TCP peer) is a proxy whose X-Forwarded-For entry we believe.
 * Modelled on Express's `trust proxy` (proxy-addr), so the same setting means the same thing there and here.
 */
export type ProxyTrust = (address: string, hop: number) => boolean;

export const trustNoProxy: ProxyTrust = () => false;

// Express's named ranges, so `loopback` or `uniquelocal` can stand in for a list of CIDRs.
const PRESETS = new Map([
  ["loopback", ["127.0.0.1/8", "::1/128"]],
  ["linklocal", ["169.254.0.0/16", "fe80::/10"]],
  ["uniquelocal", ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"]],
]);

/**
 * Parses TRUSTED_PROXIES: empty → trust no proxy (the peer is the client); a number N → the N nearest hops are
 * proxies; otherwise a comma-separated list of addresses, CIDRs and presets (loopback, linklocal, uniquelocal).
 * Throws on anything else so that a typo stops the start-up instead of silently trusting nobody (or everybody).
 */
export function parseTrustedProxies(setting: string | undefined): ProxyTrust {
  const value = setting?.trim() ?? "";
  if (!value) return trustNoProxy;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops === 0 ? trustNoProxy : (_address, hop) => hop < hops;
  }
  const proxies = new BlockList();
  for (const entry of value.split(",").map((part) => part.trim())) {
    for (const range of PRESETS.get(entry.toLowerCase()) ?? [entry]) addRange(proxies, range);
  }
  return (address) => proxies.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

function addRange(list: BlockList, range: string) {
  const [rawAddress, rawPrefix, extra] = range.split("/");
  const address = normalizeIp(rawAddress ?? "");
  const family = address ? isIP(address) : 0;
  const bits = family === 6 ? 128 : 32;
  const prefix = rawPrefix === undefined ? bits : /^\d{1,3}$/.test(rawPrefix) ? Number(rawPrefix) : -1;
  if (!address || extra !== undefined || prefix < 0 || prefix > bits) {
    // `true` (trust everyone) is refused on purpose: any client could then pick its own address.
    throw new Error(
      `TRUSTED_PROXIES: "${range}" is not a hop count, an IP address, a CIDR range or one of ${[...PRESETS.keys()].join(", ")}`,
    );
  }
  list.addSubnet(address, prefix, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: start at the TCP peer and, while the current address is a trusted proxy, step to the next
 * X-Forwarded-For entry from the right. The result is the right-most untrusted address (nginx's real_ip_recursive,
 * Express's req.ip); entries left of it are whatever the client wrote and are never read.
 */
export function resolveClientIp(peer: string | undefined, forwardedFor: string | string[] | undefined, trust: ProxyTrust): string {
  let client = normalizeIp(peer ?? "");
  if (!client) return "unknown";
  const forwarded = [forwardedFor ?? []].flat().join(",").split(",").reverse();
  for (let hop = 0; hop < forwarded.length && trust(client, hop); hop++) {
    const next = normalizeIp(forwarded[hop]);
    // A malformed entry did not come from a proxy we trust: stay with the last address one of them vouched for.
    if (!next) break;
    client = next;
  }
  return client;
}

/** A bare IP for comparing and keying: no port, brackets or zone, IPv4-mapped IPv6 as IPv4, IPv6 in lower case. */
export function normalizeIp(raw: string): string | null {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.replace(/%.*$/, "").toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(value);
  if (mapped) value = mapped[1];
  return isIP(value) ? value : null;
}
