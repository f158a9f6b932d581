import { type Browser, type BrowserContext, type Page, expect } from "@playwright/test";
import { DEMO_PASSWORD, login } from "./helpers";

/** A phone inside WeChat's in-app browser, as students open lessons. */
export const WECHAT_PHONE = {
  viewport: { width: 375, height: 812 },
  isMobile: true,
  hasTouch: true,
  userAgent:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800323a) NetType/WIFI Language/zh_CN",
} as const;

/** The demo's 诊断学 (MED2101) people beyond helpers.ACCOUNTS: groups are dealt round-robin over 10 groups. */
export const DIAGNOSTICS = {
  course: "诊断学",
  /** 2023010101 陈思远 and 2023010111 are in 第1组; 2023010102 is in 第2组. */
  groupMate: "2023010111",
  otherGroup: "2023010102",
} as const;

/** A fresh signed-in context (own cookies), on a phone or a desktop. */
export async function signedIn(browser: Browser, no: string, { phone = false } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(phone ? { ...WECHAT_PHONE } : {});
  const page = await context.newPage();
  await login(page, no, DEMO_PASSWORD);
  return { context, page };
}

/** Student: home → course card → the lesson in the schedule → "进入本次课"; lands on the lesson's current tab. */
export async function openStudentLesson(page: Page, course: string, lessonTitle: string): Promise<string> {
  await page.goto("/student");
  await page.getByTestId("course-card").filter({ hasText: course }).click();
  await expect(page.getByRole("heading", { level: 1, name: course })).toBeVisible();
  const row = page.getByTestId("course-schedule").locator(":scope > li").filter({ hasText: lessonTitle });
  await row.locator("summary").click();
  await row.getByTestId("lesson-open").click();
  await page.waitForURL(/\/student\/lessons\/[^/]+\/(pre|live|after)$/);
  return lessonIdOf(page);
}

/** Teacher: home → course card → 课次 → the lesson's link; lands on the prep tab. */
export async function openTeacherLesson(page: Page, course: string, lessonTitle: string): Promise<string> {
  await page.goto("/teacher");
  await page.getByTestId("course-card").filter({ hasText: course }).click();
  await page.waitForURL(/\/teacher\/courses\/[^/]+$/);
  await page.getByRole("link", { name: "课次", exact: true }).click();
  await page.waitForURL(/\/teacher\/courses\/[^/]+\/lessons$/);
  await page.getByTestId("lesson-row").filter({ hasText: lessonTitle }).getByTestId("lesson-open").click();
  await page.waitForURL(/\/teacher\/lessons\/[^/]+\/prep$/);
  return lessonIdOf(page);
}

function lessonIdOf(page: Page): string {
  const match = /\/lessons\/([^/]+)\//.exec(new URL(page.url()).pathname);
  if (!match) throw new Error(`not a lesson page: ${page.url()}`);
  return match[1];
}

/** Records every alert/confirm/prompt that opens (an XSS payload that ran); the test expects none. */
export function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return dialogs;
}
