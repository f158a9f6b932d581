import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * WeChat's safe-mode message encryption (消息加解密): AES-256-CBC with key = base64(EncodingAESKey + "="), IV = the
 * key's first 16 bytes, PKCS#7 padding to 32-byte blocks, over random(16) + length(4, big-endian) + message + appid.
 * Errors are plain WechatCryptoErrors: the callback answers them with 400, they never reach a user.
 */

export interface WechatCryptoKeys {
  encodingAesKey: string;
  appId: string;
}

export type WechatCryptoFailure = "base64" | "block" | "padding" | "length" | "appid";

export class WechatCryptoError extends Error {
  constructor(readonly reason: WechatCryptoFailure) {
    super(`wechat crypto: ${reason}`);
    this.name = "WechatCryptoError";
  }
}

const PAD_BLOCK = 32;
const RANDOM_BYTES = 16;
const LENGTH_BYTES = 4;
const ENCODING_AES_KEY = /^[A-Za-z0-9]{43}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const keyCache = new Map<string, Buffer>();

/** The 32-byte AES key. A malformed EncodingAESKey is a configuration error (a plain Error), not a bad request. */
function aesKeyOf(encodingAesKey: string): Buffer {
  let key = keyCache.get(encodingAesKey);
  if (!key) {
    if (!ENCODING_AES_KEY.test(encodingAesKey)) throw new Error("WECHAT_ENCODING_AES_KEY must be 43 letters and digits");
    key = Buffer.from(`${encodingAesKey}=`, "base64");
    keyCache.set(encodingAesKey, key);
  }
  return key;
}

/** Encrypts a message (the XML of a reply) for WeChat; `random16` only for known-answer tests. */
export function encryptMessage(xml: string, keys: WechatCryptoKeys, random16: Buffer = randomBytes(RANDOM_BYTES)): string {
  if (random16.length !== RANDOM_BYTES) throw new Error("random16 must be 16 bytes");
  const key = aesKeyOf(keys.encodingAesKey);
  const message = Buffer.from(xml, "utf8");
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt32BE(message.length);
  const plain = Buffer.concat([random16, length, message, Buffer.from(keys.appId, "utf8")]);
  const pad = PAD_BLOCK - (plain.length % PAD_BLOCK);
  const cipher = createCipheriv("aes-256-cbc", key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString("base64");
}

/** Decrypts an `Encrypt` value and checks that it was meant for our app id; returns the message (XML). */
export function decryptMessage(encrypt: string, keys: WechatCryptoKeys): string {
  const key = aesKeyOf(keys.encodingAesKey);
  if (!encrypt || !BASE64.test(encrypt)) throw new WechatCryptoError("base64");
  const sealed = Buffer.from(encrypt, "base64");
  if (sealed.length === 0 || sealed.length % 16 !== 0) throw new WechatCryptoError("block");
  const decipher = createDecipheriv("aes-256-cbc", key, key.subarray(0, 16)).setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(sealed), decipher.final()]);
  const plain = padded.subarray(0, padded.length - paddingOf(padded));
  if (plain.length < RANDOM_BYTES + LENGTH_BYTES) throw new WechatCryptoError("length");
  const length = plain.readUInt32BE(RANDOM_BYTES);
  const start = RANDOM_BYTES + LENGTH_BYTES;
  if (length > plain.length - start) throw new WechatCryptoError("length");
  const appId = plain.subarray(start + length);
  if (!appId.equals(Buffer.from(keys.appId, "utf8"))) throw new WechatCryptoError("appid");
  return plain.subarray(start, start + length).toString("utf8");
}

/** PKCS#7 with WeChat's block of 32: the last byte n (1–32) repeated n times. */
function paddingOf(padded: Buffer): number {
  const pad = padded[padded.length - 1];
  if (pad < 1 || pad > PAD_BLOCK || pad > padded.length) throw new WechatCryptoError("padding");
  for (let i = padded.length - pad; i < padded.length; i++) if (padded[i] !== pad) throw new WechatCryptoError("padding");
  return pad;
}
