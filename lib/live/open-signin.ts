import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { raiseEvent } from "@/lib/events/raise-event";
import { authorizeLiveTeacher } from "./access";
import type { SignInCode, SignInView } from "./events";
import { publishAttendanceSoon, publishSignInOpened } from "./publish";
import { type OpenSignInInput, OpenSignInSchema } from "./schemas";
import { currentSignInCode, newSignInSecret } from "./signin-code";
import { signInView } from "./views";

export const signInCodeView = (secret: string, now = Date.now()): SignInCode => {
  const { code, expiresAt } = currentSignInCode(secret, now);
  return { code, expiresAt: expiresAt.toISOString() };
};

/** Opens 签到 (or returns the sign-in already open): students check in with the rotating code on the board. */
export async function openSignIn(actor: Actor, input: OpenSignInInput): Promise<{ signIn: SignInView; code: SignInCode }> {
  const data = OpenSignInSchema.parse(input);
  const { courseId } = await authorizeLiveTeacher(actor, data.lessonId);
  const { session, opened } = await db.$transaction(async (tx) => {
    const open = await tx.signInSession.findFirst({ where: { lessonId: data.lessonId, closedAt: null }, orderBy: { openedAt: "desc" } });
    if (open) return { session: open, opened: false };
    const openedAt = new Date();
    const session = await tx.signInSession.create({
      data: {
        lessonId: data.lessonId,
        secret: newSignInSecret(),
        openedAt,
        lateAfter: new Date(openedAt.getTime() + data.lateAfterMinutes * 60_000),
      },
    });
    await raiseEvent(tx, { type: "live.signin_opened", courseId, lessonId: data.lessonId, subjectId: session.id, payload: { signInId: session.id } });
    return { session, opened: true };
  });
  const signIn = signInView(session);
  if (opened) {
    publishSignInOpened(data.lessonId, signIn);
    publishAttendanceSoon(data.lessonId, courseId);
  }
  return { signIn, code: signInCodeView(session.secret) };
}
