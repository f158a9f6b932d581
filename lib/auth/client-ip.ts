/** The header server.ts sets from the socket's address (client-supplied values are overwritten there). */
export const CLIENT_IP_HEADER = "x-medblend-client-ip";

export function clientIpOf(headers: Record<string, unknown> | Headers | undefined): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers?.[CLIENT_IP_HEADER];
  return typeof value === "string" && value ? value : "unknown";
}
