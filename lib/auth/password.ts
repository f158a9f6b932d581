import { randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

// argon2id is the library's default (m=19456, t=2, p=1); naming the const enum breaks isolatedModules.
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash verified when the account does not exist, so a wrong 学号 costs as much time as a wrong password. */
let dummyHash: Promise<string> | undefined;
export const timingDummyHash = (): Promise<string> => (dummyHash ??= hashPassword("medblend-timing-dummy"));

export const PasswordSchema = z
  .string()
  .min(8, "validation.password_rule")
  .max(128, "validation.too_big")
  .refine((value) => /[A-Za-z]/.test(value) && /\d/.test(value), "validation.password_rule");

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

/** A temporary password for new or reset accounts: shown once, must be changed at first login. */
export function temporaryPassword(length = 10): string {
  let out = "";
  while (!(/[A-Za-z]/.test(out) && /\d/.test(out))) {
    out = Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  }
  return out;
}
