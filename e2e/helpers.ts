import { type Page, expect } from "@playwright/test";

export const DEMO_PASSWORD = "medblend2026";

export const ACCOUNTS = {
  admin: "admin",
  deptAdmin: "d1001",
  teacher: "t2001",
  surgeryTeacher: "t2003",
  student: "2023010101",
  student3: "2023010301",
} as const;

export async function login(page: Page, no: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel(/学号 \/ 工号|Student \/ staff number/).fill(no);
  await page.getByLabel(/^密码$|^Password$/).fill(password);
  await page.getByRole("button", { name: /^登录$|^Sign in$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export async function logout(page: Page) {
  await page.getByRole("button", { name: /退出登录|Sign out/ }).click();
  await page.waitForURL("**/login");
}

/** No element may stick out to the right on a phone-sized viewport. */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

/**
 * Collects what the page logs as an error and every uncaught exception (a failed hydration, a crashed effect). The
 * browser's own request for /favicon.ico is not the page's doing (the app and the simulator have no icon).
 */
export function recordConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    const source = message.location().url;
    if (message.type() === "error" && new URL(source || page.url()).pathname !== "/favicon.ico") {
      errors.push(`${page.url()}: ${message.text()} ${source}`);
    }
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}
