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
