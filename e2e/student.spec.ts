import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectNoHorizontalScroll, login } from "./helpers";

test.describe("student on a phone", () => {
  test.use({
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true,
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800323a) NetType/WIFI Language/zh_CN",
  });

  test("sees today's lessons first and reads a course intro", async ({ page }) => {
    await login(page, ACCOUNTS.student);
    const today = page.getByTestId("today-lessons");
    await expect(today).toBeVisible();
    await expect(today.getByTestId("phase-badge").first()).toBeVisible();
    await expect(page.getByTestId("course-card")).toHaveCount(4);
    await expectNoHorizontalScroll(page);

    await page.getByTestId("course-card").filter({ hasText: "诊断学" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "诊断学" })).toBeVisible();
    await expect(page.getByTestId("course-teachers")).toContainText("李慧敏");
    await expect(page.getByTestId("course-objectives")).toContainText("问诊");
    await expect(page.getByTestId("course-schedule").locator(":scope > li")).toHaveCount(16);
    await expect(page.getByTestId("course-assessment")).toContainText("100%");
    await expect(page.getByRole("heading", { name: "教学进度" })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: "test-results/student-course-intro-375.png", fullPage: true });
  });

  test("cannot open a course they are not enrolled in", async ({ page, browser }) => {
    // Class 3 takes 外科学总论; class 1 does not.
    const other = await browser.newPage();
    await login(other, ACCOUNTS.student3);
    await other.getByTestId("course-card").filter({ hasText: "外科学总论" }).click();
    await other.waitForURL(/\/student\/courses\/\w+$/);
    const courseUrl = other.url();
    await other.close();

    await login(page, ACCOUNTS.student);
    const response = await page.goto(courseUrl);
    expect(response?.status()).toBe(404);
  });
});

test("the interface switches to English and back", async ({ page }) => {
  await login(page, ACCOUNTS.student);
  await expect(page.getByRole("heading", { name: "我的课程" })).toBeVisible();
  await page.getByTestId("locale-switcher").click();
  await expect(page.getByRole("heading", { name: "My courses" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "My courses" })).toBeVisible();
  await page.getByTestId("locale-switcher").click();
  await expect(page.getByRole("heading", { name: "我的课程" })).toBeVisible();
});
