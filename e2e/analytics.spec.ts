import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { ACCOUNTS, login } from "./helpers";

// 内科学教研室's admin: 诊断学 and 内科学·心血管系统 are theirs; 外科学总论 (外科学教研室) never shows.
test("a department admin filters the dashboard, drills down to a student and downloads the Excel export", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, ACCOUNTS.deptAdmin);
  await page.goto("/admin/analytics");
  const rows = page.getByTestId("course-measures-row");
  await expect(rows.filter({ hasText: "诊断学" })).toBeVisible({ timeout: 30_000 });
  await expect(rows.filter({ hasText: "外科学总论" })).toHaveCount(0);

  // Filter by class: the URL carries it and the table is the class's view of the same courses.
  const classSelect = page.getByTestId("filter-class");
  const firstClass = await classSelect.locator("option").nth(1).getAttribute("value");
  expect(firstClass).toBeTruthy();
  await classSelect.selectOption(firstClass!);
  await page.getByTestId("filter-apply").click();
  await page.waitForURL((url) => url.searchParams.get("classId") === firstClass);
  await expect(rows.filter({ hasText: "诊断学" })).toBeVisible();

  // Drill down: the at-risk list names a student and why; their profile shows the timeline across courses.
  await page.goto("/admin/analytics/at-risk");
  const student = page.getByTestId("at-risk-student").first();
  await expect(student).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("at-risk-row").first()).not.toBeEmpty();
  await student.click();
  await page.waitForURL(/\/admin\/analytics\/students\/\w+/);
  await expect(page.getByTestId("student-profile")).toBeVisible();
  await expect(page.getByTestId("student-timeline")).toBeVisible();
  // Staff see every measure of the student's courses; only the student's own page leaves some out.
  await expect(page.getByTestId("student-courses").locator('thead th[data-column="bindingRate"]')).toHaveCount(1);

  // The courses table as Excel: Chinese headers, a frozen header row, only this department's courses.
  await page.goto("/admin/analytics");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-department-courses-xlsx").click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).filter(Boolean).map(String);
  expect(header.some((cell) => /课程/.test(cell))).toBe(true);
  expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  const cells = sheet.getSheetValues().flat().map(String).join("\n");
  expect(cells).toContain("诊断学");
  expect(cells).not.toContain("外科学总论");
});

test("a teacher cannot open the department dashboard or its export", async ({ page }) => {
  await login(page, ACCOUNTS.teacher);
  const dashboard = await page.goto("/admin/analytics");
  expect(dashboard?.status()).toBe(403);
  const exported = await page.request.get("/api/analytics/export/department-courses?format=xlsx");
  expect([403, 404]).toContain(exported.status());
});
