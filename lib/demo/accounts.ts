/** The demo school's logins: printed at start-up and shown on the login page in demo mode. */
export const DEMO_PASSWORD = "medblend2026";

export const DEMO_LOGINS = [
  { no: "admin", role: "ADMIN", name: "系统管理员" },
  { no: "d1001", role: "DEPT_ADMIN", name: "内科学教研室 · 周建国" },
  { no: "t2001", role: "TEACHER", name: "内科学 · 李慧敏" },
  { no: "t2003", role: "TEACHER", name: "外科学 · 王志强" },
  { no: "2023010101", role: "STUDENT", name: "临床医学1班 · 陈思远" },
  { no: "2023010201", role: "STUDENT", name: "临床医学2班" },
] as const;
