import { describe, expect, it } from "vitest";
import { callbackSignature, msgSignature, signaturesMatch } from "./signature";

// Worked examples of WeChat's documentation (消息推送 / 消息加解密说明, developers.weixin.qq.com), Token "AAAAA".
const OFFICIAL_ENCRYPT =
  "+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=";

describe("callbackSignature", () => {
  it.each([
    ["the URL check", "1714036504", "1514711492", "f464b24fc39322e44b38aa78f5edd27bd1441696"],
    ["a plaintext push", "1714037059", "486452656", "899cf89e464efb63f54ddac96b0a0a235f53aa78"],
  ])("matches the documentation's example of %s", (_name, timestamp, nonce, expected) => {
    expect(callbackSignature("AAAAA", timestamp, nonce)).toBe(expected);
  });
});

describe("msgSignature", () => {
  it("matches the documentation's safe-mode push", () => {
    expect(msgSignature("AAAAA", "1714112445", "415670741", OFFICIAL_ENCRYPT)).toBe("046e02f8204d34f8ba5fa3b1db94908f3df2e9b3");
  });

  it("matches the documentation's encrypted reply", () => {
    const encrypt = "ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==";
    expect(msgSignature("AAAAA", "1713424427", "415670741", encrypt)).toBe("1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1");
  });
});

describe("signaturesMatch", () => {
  const expected = "f464b24fc39322e44b38aa78f5edd27bd1441696";
  it.each([
    ["the same signature", expected, true],
    ["upper-case hex", expected.toUpperCase(), true],
    ["one digit off", `${expected.slice(0, 39)}7`, false],
    ["a prefix", expected.slice(0, 20), false],
    ["a longer string", `${expected}00`, false],
    ["non-hex of the right length", "z".repeat(40), false],
    ["nothing", null, false],
    ["an empty string", "", false],
  ])("accepts %s: %s", (_name, received, ok) => {
    expect(signaturesMatch(expected, received)).toBe(ok);
  });
});
