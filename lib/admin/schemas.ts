import { z } from "zod";

// Ids are cuids; anything id-shaped but unknown simply yields not_found, so only the length is bounded here.
const Id = z.string().trim().min(1).max(64);

/** Empty form fields mean "not set". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || null);

const optionalId = Id.optional().or(z.literal("")).transform((value) => value || null);

/** Department and course codes: letters, digits, "_" and "-". */
const CodeSchema = z.string().trim().min(1).max(32).regex(/^[A-Za-z0-9_-]+$/);

export const ROLES = ["STUDENT", "TEACHER", "DEPT_ADMIN", "ADMIN"] as const;
const RoleSchema = z.enum(ROLES);

/** Roles that teach and therefore belong to a department. */
export const STAFF_ROLES = ["TEACHER", "DEPT_ADMIN"] as const;
const isStaffRole = (role: string) => (STAFF_ROLES as readonly string[]).includes(role);

export const COURSE_STAFF_ROLES = ["TEACHER", "ASSISTANT"] as const;

/** "true"/"false" from a hidden form field, or a boolean from code. */
const FlagSchema = z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]);

// —— departments ——

export const CreateDepartmentSchema = z.object({
  code: CodeSchema,
  name: z.string().trim().min(1).max(100),
  nameEn: optionalText(200),
});
export type CreateDepartmentInput = z.infer<typeof CreateDepartmentSchema>;

export const RenameDepartmentSchema = z.object({
  departmentId: Id,
  name: z.string().trim().min(1).max(100),
  nameEn: optionalText(200),
});
export type RenameDepartmentInput = z.infer<typeof RenameDepartmentSchema>;

export const DeleteDepartmentSchema = z.object({ departmentId: Id });
export type DeleteDepartmentInput = z.infer<typeof DeleteDepartmentSchema>;

// —— courses ——

/** "2026-2027-1": academic years that follow each other, then the term (1–3, 3 = summer). */
export const TermSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{4}-[1-3]$/)
  .refine((term) => Number(term.slice(5, 9)) === Number(term.slice(0, 4)) + 1, "validation.invalid_format");

const CourseFields = {
  code: CodeSchema,
  title: z.string().trim().min(1).max(200),
  titleEn: optionalText(200),
  term: TermSchema,
  departmentId: Id,
};

export const CreateCourseSchema = z.object(CourseFields);
export type CreateCourseInput = z.infer<typeof CreateCourseSchema>;

export const UpdateCourseSchema = z.object({ courseId: Id, ...CourseFields });
export type UpdateCourseInput = z.infer<typeof UpdateCourseSchema>;

export const SetCourseArchivedSchema = z.object({ courseId: Id, archived: FlagSchema });
export type SetCourseArchivedInput = z.infer<typeof SetCourseArchivedSchema>;

export const AssignCourseTeacherSchema = z.object({ courseId: Id, userId: Id, role: z.enum(COURSE_STAFF_ROLES) });
export type AssignCourseTeacherInput = z.infer<typeof AssignCourseTeacherSchema>;

export const RemoveCourseTeacherSchema = z.object({ courseId: Id, userId: Id });
export type RemoveCourseTeacherInput = z.infer<typeof RemoveCourseTeacherSchema>;

/** The course list's search parameters; anything unreadable falls back to the default instead of failing the page. */
export const CourseListFilterSchema = z.object({
  departmentId: optionalId.catch(null),
  term: z.string().trim().max(20).optional().transform((value) => value || null).catch(null),
  status: z.enum(["active", "archived", "all"]).catch("active"),
});
export type CourseListFilter = z.infer<typeof CourseListFilterSchema>;

// —— users ——

/** 学号 / 工号, the login name. */
export const UserNoSchema = z.string().trim().min(4).max(32).regex(/^[A-Za-z0-9_-]+$/);

const departmentRequiredForStaff = (value: { role: string; departmentId: string | null }, ctx: z.RefinementCtx) => {
  if (isStaffRole(value.role) && !value.departmentId) {
    ctx.addIssue({ code: "custom", path: ["departmentId"], message: "validation.required" });
  }
};

export const CreateUserSchema = z
  .object({
    no: UserNoSchema,
    name: z.string().trim().min(1).max(64),
    role: RoleSchema,
    departmentId: optionalId,
    email: z
      .union([z.literal(""), z.email().max(254)])
      .optional()
      .transform((value) => value || null),
  })
  .superRefine(departmentRequiredForStaff);
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

export const UpdateUserSchema = z
  .object({ userId: Id, role: RoleSchema, departmentId: optionalId })
  .superRefine(departmentRequiredForStaff);
export type UpdateUserInput = z.infer<typeof UpdateUserSchema>;

export const SetUserDisabledSchema = z.object({ userId: Id, disabled: FlagSchema });
export type SetUserDisabledInput = z.infer<typeof SetUserDisabledSchema>;

export const ResetUserPasswordSchema = z.object({ userId: Id });
export type ResetUserPasswordInput = z.infer<typeof ResetUserPasswordSchema>;

export const USERS_PER_PAGE = 50;

/** The user list's search parameters; anything unreadable falls back to the default instead of failing the page. */
export const UserListFilterSchema = z.object({
  q: z.string().trim().max(64).catch("").optional().transform((value) => value || null),
  role: RoleSchema.optional().catch(undefined),
  departmentId: optionalId.catch(null),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type UserListFilter = z.infer<typeof UserListFilterSchema>;
