import type { Actor } from "@/lib/auth/authz";
import { authorizeLiveTeacher } from "./access";
import type { SignInCode } from "./events";
import { signInCodeView } from "./open-signin";
import { findOpenSignIn } from "./queries";
import { type LessonRefInput, LessonRefSchema } from "./schemas";

/** The code the board shows now (null when sign-in is not open); the board asks again when it expires. */
export async function getSignInCode(actor: Actor, input: LessonRefInput): Promise<SignInCode | null> {
  const { lessonId } = LessonRefSchema.parse(input);
  await authorizeLiveTeacher(actor, lessonId);
  const session = await findOpenSignIn(lessonId);
  return session ? signInCodeView(session.secret) : null;
}
