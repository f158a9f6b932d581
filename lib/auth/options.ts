import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clientIpOf } from "./client-ip";
import { timingDummyHash, verifyPassword } from "./password";
import { markLoginSucceeded, startLoginAttempt } from "./rate-limit";

export const SESSION_MAX_AGE_S = 12 * 60 * 60;

const CredentialsSchema = z.object({
  no: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export interface SignInUser {
  id: string;
  name: string;
  role: string;
  sessionVersion: number;
}

/**
 * Checks a 学号/工号 + password. One generic error for unknown accounts and wrong passwords (no enumeration);
 * `auth.rate_limited` after too many failures for the account or the IP.
 */
export async function signInWithPassword(input: unknown, ip: string): Promise<SignInUser> {
  const parsed = CredentialsSchema.safeParse(input);
  if (!parsed.success) throw new AppError("auth.invalid_credentials");
  const { no, password } = parsed.data;
  const attemptId = await startLoginAttempt(no, ip);
  if (!attemptId) throw new AppError("auth.rate_limited");
  const user = await db.user.findUnique({
    where: { no },
    select: { id: true, name: true, role: true, passwordHash: true, disabled: true, sessionVersion: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), password);
  if (!user || !ok || user.disabled) throw new AppError("auth.invalid_credentials");
  await markLoginSucceeded(attemptId);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { id: user.id, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "学号/工号",
      credentials: { no: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        try {
          return await signInWithPassword(credentials, clientIpOf(req.headers));
        } catch (error) {
          // next-auth passes an Error's message to the client as `error`: only our codes go there.
          if (error instanceof AppError) throw new Error(error.code);
          console.error("[auth] sign-in failed unexpectedly", error);
          throw new Error("common.unexpected");
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const signedIn = user as unknown as SignInUser;
        token.sub = signedIn.id;
        token.sv = signedIn.sessionVersion;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub, sv: token.sv };
    },
  },
};

declare module "next-auth/jwt" {
  interface JWT {
    sv?: number;
  }
}
