import { expect, test } from "@playwright/test";
import { ACCOUNTS, login, logout } from "./helpers";

const HEADER = "学号,姓名,班级,小组";
const csv = (...rows: string[]) => Buffer.from(`\uFEFF${[HEADER, ...rows].join("\r\n")}\r\n`, "utf8");

test("roster import: a bad row blocks everything, the corrected file imports, the new student sets a password", async ({ page }) => {
  await login(page, ACCOUNTS.teacher);
  await page.getByTestId("course-card").filter({ hasText: "诊断学" }).first().click();
  await page.waitForURL(/\/teacher\/courses\/\w+$/);
  await page.goto(`${page.url()}/roster`);
  const rows = page.getByTestId("roster-row");
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();

  // Row 3 (the second data row) has an invalid 学号.
  await page.getByTestId("roster-import-file").setInputFiles({
    name: "名单.csv",
    mimeType: "text/csv",
    buffer: csv("2026990001,林晓峰,2026级临床医学5班,第1组", "x!,王小明,2026级临床医学5班,第1组", "2026990003,赵雨桐,2026级临床医学5班,第2组"),
  });
  await page.getByTestId("roster-import-preview-button").click();
  const errors = page.getByTestId("roster-import-errors");
  await expect(errors).toContainText("第 3 行");
  await expect(page.getByTestId("roster-import-confirm")).toBeDisabled();
  await page.reload();
  await expect(rows).toHaveCount(before);
  await expect(page.getByTestId("roster-table")).not.toContainText("林晓峰");

  await page.getByTestId("roster-import-file").setInputFiles({
    name: "名单.csv",
    mimeType: "text/csv",
    buffer: csv("2026990001,林晓峰,2026级临床医学5班,第1组", "2026990002,王小明,2026级临床医学5班,第1组", "2026990003,赵雨桐,2026级临床医学5班,第2组"),
  });
  await page.getByTestId("roster-import-preview-button").click();
  await expect(page.getByTestId("roster-import-preview")).toBeVisible();
  await expect(page.getByTestId("roster-import-errors")).toHaveCount(0);
  await page.getByTestId("roster-import-confirm").click();
  const result = page.getByTestId("roster-import-result");
  await expect(result).toContainText("新建账号 3");
  const passwordRow = page.getByTestId("roster-import-passwords").locator("tr", { hasText: "2026990001" });
  const temporary = (await passwordRow.locator("td").nth(2).innerText()).trim();
  expect(temporary).toMatch(/^\w{8,}$/);

  await page.reload();
  await expect(rows).toHaveCount(before + 3);
  await expect(page.getByTestId("roster-table")).toContainText("林晓峰");

  // First sign-in with the temporary password: the student must set their own password first.
  await logout(page);
  await login(page, "2026990001", temporary);
  await expect(page).toHaveURL(/\/account\/password$/);
  await page.goto("/student");
  await expect(page).toHaveURL(/\/account\/password$/);
  await page.getByLabel("当前密码").fill(temporary);
  await page.getByLabel("新密码", { exact: true }).fill("short");
  await page.getByLabel("确认新密码").fill("short");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("至少 8 位，且须同时包含字母和数字。").first()).toBeVisible();
  await page.getByLabel("新密码", { exact: true }).fill("Linxf2026ok");
  await page.getByLabel("确认新密码").fill("Linxf2026ok");
  await page.getByRole("button", { name: "修改密码" }).click();
  await page.waitForURL(/\/login\?changed=1$/);
  await login(page, "2026990001", "Linxf2026ok");
  await expect(page).toHaveURL(/\/student$/);
  await expect(page.getByTestId("course-card").filter({ hasText: "诊断学" })).toBeVisible();
});

test("a broken spreadsheet gets a clear error and changes nothing", async ({ page }) => {
  await login(page, ACCOUNTS.teacher);
  await page.getByTestId("course-card").filter({ hasText: "诊断学" }).first().click();
  await page.waitForURL(/\/teacher\/courses\/\w+$/);
  await page.goto(`${page.url()}/roster`);
  const before = await page.getByTestId("roster-row").count();
  await page.getByTestId("roster-import-file").setInputFiles({
    name: "名单.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200, 7)]),
  });
  await page.getByTestId("roster-import-preview-button").click();
  await expect(page.getByTestId("roster-import-failure")).toContainText("无法读取该文件");
  await page.getByTestId("roster-import-file").setInputFiles({ name: "名单.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") });
  await page.getByTestId("roster-import-preview-button").click();
  await expect(page.getByTestId("roster-import-failure")).toContainText("文件类型不支持");
  await page.reload();
  await expect(page.getByTestId("roster-row")).toHaveCount(before);
});
