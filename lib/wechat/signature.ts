import { createHash, timingSafeEqual } from "node:crypto";

// WeChat signs callbacks with SHA-1 over the lexicographically sorted parts, concatenated without separators.

const sortedSha1 = (parts: string[]) => createHash("sha1").update([...parts].sort().join("")).digest("hex");

/** The `signature` query parameter of every callback (URL check and plaintext messages). */
export const callbackSignature = (token: string, timestamp: string, nonce: string): string => sortedSha1([token, timestamp, nonce]);

/** The `msg_signature` of safe-mode messages, and of our encrypted replies: it also covers the ciphertext. */
export const msgSignature = (token: string, timestamp: string, nonce: string, encrypt: string): string =>
  sortedSha1([token, timestamp, nonce, encrypt]);

const SHA1_HEX = /^[0-9a-f]{40}$/i;

/** Compares a received signature with the expected one in constant time; anything not shaped like SHA-1 hex fails. */
export function signaturesMatch(expected: string, received: string | null | undefined): boolean {
  if (!received || !SHA1_HEX.test(received)) return false;
  return timingSafeEqual(Buffer.from(expected, "hex"), Buffer.from(received.toLowerCase(), "hex"));
}
