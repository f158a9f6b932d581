import { type Page, expect, test } from "@playwright/test";
import { ACCOUNTS, expectNoHorizontalScroll, login } from "./helpers";

// 陈思远 (2023010101) and a classmate from class 1; both take the same four courses.
const CLASSMATE = "2023010102";

test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

/** The signed-in student's id, as the export links of 我的学习 carry it. */
async function ownStudentId(page: Page): Promise<string> {
  const href = await page.getByTestId("export-student-timeline-csv").getAttribute("href");
  const studentId = new URL(href!, "http://localhost").searchParams.get("studentId");
  expect(studentId).toBeTruthy();
  return studentId!;
}

test("a student opens 我的学习 from the nav on a phone: their courses and timeline, nothing sticks out", async ({ page }) => {
  await login(page, ACCOUNTS.student);
  await expect(page.getByTestId("progress-link")).toBeVisible();
  await page.getByRole("navigation").getByRole("link", { name: "我的学习" }).click();
  await page.waitForURL("**/student/progress");
  await expect(page.getByRole("heading", { level: 1, name: "我的学习" })).toBeVisible();

  const rows = page.getByTestId("course-measures-row");
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: "诊断学" })).toBeVisible();
  await expect(page.getByTestId("student-timeline").locator(":scope > li").first()).toBeVisible();
  await expect(page.getByTestId("student-mistakes")).toBeVisible();
  // About oneself the head count (always 1), the anonymous evaluation and the WeChat rates mean nothing.
  const column = (key: string) => page.getByTestId("student-courses").locator(`thead th[data-column="${key}"]`);
  await expect(column("quizAverage")).toBeVisible();
  for (const omitted of ["students", "evaluationMean", "bindingRate", "deliveryRate"]) await expect(column(omitted)).toHaveCount(0);

  // The wide table scrolls inside its own box; the page itself never scrolls sideways.
  const tableBox = page.getByTestId("student-courses").locator("xpath=..");
  expect(await tableBox.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(375);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: "test-results/student-progress-375.png", fullPage: true });

  // Their own tables download; a course row leads to the student's own course page.
  const me = await ownStudentId(page);
  const own = await page.request.get(`/api/analytics/export/student-timeline?format=csv&studentId=${me}`);
  expect(own.status()).toBe(200);
  await rows.filter({ hasText: "诊断学" }).getByRole("link").click();
  await page.waitForURL(/\/student\/courses\/\w+$/);
  await expect(page.getByRole("heading", { level: 1, name: "诊断学" })).toBeVisible();
});

test("a student cannot open another student's staff drill-down or export", async ({ page, browser }) => {
  // The classmate's id, read from the classmate's own 我的学习.
  const other = await browser.newPage();
  await login(other, CLASSMATE);
  await other.goto("/student/progress");
  const classmateId = await ownStudentId(other);
  await other.close();

  await login(page, ACCOUNTS.student);
  await page.goto("/student/progress");
  const me = await ownStudentId(page);
  expect(classmateId).not.toBe(me);
  const courseHref = await page.getByTestId("course-measures-row").filter({ hasText: "诊断学" }).getByRole("link").getAttribute("href");
  const courseId = courseHref!.split("/").pop();

  for (const url of [`/admin/analytics/students/${classmateId}`, `/teacher/courses/${courseId}/analytics/students/${classmateId}`]) {
    const response = await page.goto(url);
    expect([403, 404], url).toContain(response?.status());
    await expect(page.getByTestId("student-profile")).toHaveCount(0);
  }
  for (const table of ["student-courses", "student-timeline"]) {
    const response = await page.request.get(`/api/analytics/export/${table}?format=csv&studentId=${classmateId}`);
    expect(response.status(), table).toBe(404);
  }
});
