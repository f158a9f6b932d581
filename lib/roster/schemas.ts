import { z } from "zod";

/** Limits shared by the import, the forms and the messages that state them. */
export const ROSTER_LIMITS = {
  noMin: 4,
  noMax: 20,
  nameMax: 50,
  classMax: 50,
  groupMax: 30,
  fileBytes: 2 * 1024 * 1024,
  rows: 2000,
} as const;

export const STUDENT_NO_PATTERN = /^[A-Za-z0-9]{4,20}$/;

/** Full-width digits and letters (common when 学号 are typed with a Chinese IME) become ASCII. */
export const normalizeStudentNo = (value: string): string => value.normalize("NFKC").trim();

const Id = z.string().trim().min(1).max(64);
const StudentNo = z
  .string()
  .transform(normalizeStudentNo)
  .pipe(z.string().min(1).regex(STUDENT_NO_PATTERN));
const GroupName = z.string().trim().min(1).max(ROSTER_LIMITS.groupMax);
/** An empty select means "no group". */
const OptionalGroupId = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((value) => value || null);

export const AddStudentSchema = z.object({ courseId: Id, no: StudentNo, groupId: OptionalGroupId });
export type AddStudentInput = z.infer<typeof AddStudentSchema>;

export const RemoveStudentSchema = z.object({ courseId: Id, userId: Id });
export type RemoveStudentInput = z.infer<typeof RemoveStudentSchema>;

export const SetGroupSchema = z.object({ courseId: Id, userId: Id, groupId: OptionalGroupId });
export type SetGroupInput = z.infer<typeof SetGroupSchema>;

/** An empty class name takes the student out of their class. */
export const SetClassSchema = z.object({ courseId: Id, userId: Id, className: z.string().trim().max(ROSTER_LIMITS.classMax) });
export type SetClassInput = z.infer<typeof SetClassSchema>;

export const CreateGroupSchema = z.object({ courseId: Id, name: GroupName });
export type CreateGroupInput = z.infer<typeof CreateGroupSchema>;

export const RenameGroupSchema = z.object({ courseId: Id, groupId: Id, name: GroupName });
export type RenameGroupInput = z.infer<typeof RenameGroupSchema>;

export const DeleteGroupSchema = z.object({ courseId: Id, groupId: Id });
export type DeleteGroupInput = z.infer<typeof DeleteGroupSchema>;
