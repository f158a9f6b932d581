import { createHash } from "node:crypto";

/** A WeChat user of the simulated service account. */
export interface SimUser {
  openid: string;
  nickname: string;
  /** Follows the account: template messages to a non-follower fail with 43004. */
  subscribed: boolean;
  /** Has turned off the account's messages: sends succeed, TEMPLATESENDJOBFINISH reports "failed:user block". */
  blocksTemplates: boolean;
}

export interface SimUserInput {
  nickname: string;
  openid?: string;
  subscribed?: boolean;
  blocksTemplates?: boolean;
}

/**
 * A 28-character openid like WeChat's, derived from a seed so that it stays the same across restarts (bindings in
 * the app's database keep pointing at the same simulated user).
 */
export function simOpenid(seed: string): string {
  return `o${createHash("sha1").update(`medblend-sim:${seed}`).digest("base64url").slice(0, 27)}`;
}

export const DEFAULT_SIM_USERS: readonly SimUserInput[] = [
  { nickname: "陈思远的微信", openid: simOpenid("chensiyuan") },
  { nickname: "林雨桐", openid: simOpenid("linyutong") },
  { nickname: "王浩然 · 临床2班", openid: simOpenid("wanghaoran") },
  { nickname: "李慧敏老师", openid: simOpenid("lihuimin") },
  { nickname: "未关注的访客", openid: simOpenid("visitor"), subscribed: false },
];

export function toSimUser(input: SimUserInput, taken: { has(openid: string): boolean }): SimUser {
  if (input.openid && taken.has(input.openid)) throw new Error(`openid ${input.openid} already exists`);
  let openid = input.openid;
  for (let n = 0; !openid || taken.has(openid); n++) openid = simOpenid(`${input.nickname}#${n}`);
  return {
    openid,
    nickname: input.nickname,
    subscribed: input.subscribed ?? true,
    blocksTemplates: input.blocksTemplates ?? false,
  };
}
