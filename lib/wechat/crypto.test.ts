import { createCipheriv } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WechatCryptoError, decryptMessage, encryptMessage } from "./crypto";

// The worked example of WeChat's 消息加解密说明 (developers.weixin.qq.com, "消息解密方式为安全模式").
const OFFICIAL = { encodingAesKey: "A".repeat(43), appId: "wxba5fad812f8e6fb9" };
const OFFICIAL_ENCRYPT =
  "+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=";
const OFFICIAL_MESSAGE =
  '{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714112445,"MsgType":"event","Event":"debug_demo","debug_str":"hello world"}';

const keys = { encodingAesKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", appId: "wx0medblend0demo0" };

/** Encrypts raw bytes the way WeChat does, but with the padding and layout the test chooses. */
function sealRaw(plain: Buffer, encodingAesKey = keys.encodingAesKey): string {
  const key = Buffer.from(`${encodingAesKey}=`, "base64");
  const cipher = createCipheriv("aes-256-cbc", key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString("base64");
}

function layout(message: string, appId: string, declaredLength = Buffer.byteLength(message)): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(declaredLength);
  return Buffer.concat([Buffer.alloc(16, 7), length, Buffer.from(message), Buffer.from(appId)]);
}

const pkcs7 = (plain: Buffer, block = 32) => {
  const pad = block - (plain.length % block);
  return Buffer.concat([plain, Buffer.alloc(pad, pad)]);
};

describe("the documentation's example", () => {
  it("decrypts the pushed Encrypt to the documented message and checks the app id", () => {
    expect(decryptMessage(OFFICIAL_ENCRYPT, OFFICIAL)).toBe(OFFICIAL_MESSAGE);
    expect(() => decryptMessage(OFFICIAL_ENCRYPT, { ...OFFICIAL, appId: "wx0000000000000000" })).toThrow(WechatCryptoError);
  });

  it("encrypts the documented reply to the documented Encrypt", () => {
    const encrypt = encryptMessage('{"demo_resp":"good luck"}', OFFICIAL, Buffer.from("707722b803182950"));
    expect(encrypt).toBe("ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==");
  });

  it("matches the known answer of WeChat's sample code (WXBizMsgCrypt, 32-byte PKCS#7 blocks)", () => {
    const sample = { encodingAesKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", appId: "wxb11529c136998cb6" };
    const encrypt = encryptMessage("我是中文abcd123", sample, Buffer.from("aaaabbbbccccdddd"));
    expect(encrypt).toBe("jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==");
    expect(decryptMessage(encrypt, sample)).toBe("我是中文abcd123");
  });
});

describe("round trip", () => {
  it("decrypts what it encrypted, for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        const encrypt = encryptMessage(text, keys);
        expect(Buffer.from(encrypt, "base64").length % 32).toBe(0);
        expect(decryptMessage(encrypt, keys)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it("uses fresh randomness, so equal messages differ on the wire", () => {
    expect(encryptMessage("<xml/>", keys)).not.toBe(encryptMessage("<xml/>", keys));
  });

  it("pads a message that fills whole blocks with a full block of 32", () => {
    const message = "x".repeat(64 - 16 - 4 - keys.appId.length);
    const sealed = Buffer.from(encryptMessage(message, keys), "base64");
    expect(sealed.length).toBe(96);
    expect(decryptMessage(sealed.toString("base64"), keys)).toBe(message);
  });
});

describe("refusals", () => {
  const good = layout("<xml></xml>", keys.appId);
  it.each([
    ["not base64", "@@@@", "base64"],
    ["empty", "", "base64"],
    ["not whole AES blocks", Buffer.alloc(20, 1).toString("base64"), "block"],
    ["padding byte 0", sealRaw(Buffer.concat([good, Buffer.alloc(32 - (good.length % 32) - 1, 1), Buffer.from([0])])), "padding"],
    ["padding byte above 32", sealRaw(Buffer.concat([good, Buffer.alloc(64 - (good.length % 32), 33)])), "padding"],
    ["padding bytes that disagree", sealRaw(Buffer.concat([good, Buffer.alloc(32 - (good.length % 32) - 1, 2), Buffer.from([3])])), "padding"],
    ["a wrong app id", sealRaw(pkcs7(layout("<xml></xml>", "wx0someone0else0"))), "appid"],
    ["no app id", sealRaw(pkcs7(layout("<xml></xml>", ""))), "appid"],
    ["a length beyond the message", sealRaw(pkcs7(layout("<xml></xml>", keys.appId, 10_000))), "length"],
    ["less than random + length", sealRaw(pkcs7(Buffer.alloc(10, 1))), "length"],
    ["another key", sealRaw(pkcs7(good), "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut"), undefined],
  ])("refuses %s", (_name, encrypt, reason) => {
    let caught: unknown;
    try {
      decryptMessage(encrypt, keys);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WechatCryptoError);
    if (reason) expect(caught).toMatchObject({ reason });
  });

  it("treats a malformed EncodingAESKey as a configuration error, not a bad request", () => {
    expect(() => encryptMessage("x", { ...keys, encodingAesKey: "short" })).toThrow(/WECHAT_ENCODING_AES_KEY/);
    expect(() => decryptMessage("AAAA", { ...keys, encodingAesKey: "!".repeat(43) })).toThrow(/WECHAT_ENCODING_AES_KEY/);
  });
});
