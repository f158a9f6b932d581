import { expect, test } from "@playwright/test";
import { ACCOUNTS, login, logout } from "./helpers";

test("an admin creates a teacher who signs in with the one-time password and must change it", async ({ page }) => {
  await login(page, ACCOUNTS.admin);
  await page.goto("/admin/users/new");
  const form = page.getByTestId("user-create-form");
  await form.getByLabel("学号/工号").fill("t3099");
  await form.getByLabel("姓名").fill("欧阳明华");
  await form.getByLabel("角色").selectOption("TEACHER");
  await form.getByLabel("教研室").selectOption({ label: "病理学教研室" });
  await form.getByRole("button", { name: "创建用户" }).click();
  const temporary = (await page.getByTestId("temp-password").innerText()).trim();
  expect(temporary.length).toBeGreaterThanOrEqual(8);

  // The same 学号 again is refused with a clear message.
  await page.goto("/admin/users/new");
  await form.getByLabel("学号/工号").fill("t3099");
  await form.getByLabel("姓名").fill("重复");
  await form.getByLabel("角色").selectOption("TEACHER");
  await form.getByLabel("教研室").selectOption({ label: "病理学教研室" });
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(page.getByText("该学号/工号已被使用。").first()).toBeVisible();

  await logout(page);
  await login(page, "t3099", temporary);
  await expect(page).toHaveURL(/\/account\/password$/);
});

test("a department admin sees only their department and cannot change it", async ({ page }) => {
  await login(page, ACCOUNTS.deptAdmin);
  await page.goto("/admin/courses");
  const table = page.getByTestId("course-table");
  await expect(table).toContainText("诊断学");
  await expect(table).toContainText("内科学·心血管系统");
  await expect(table).not.toContainText("病理学");
  await expect(table).not.toContainText("外科学总论");
  for (const url of ["/admin/users", "/admin/departments", "/admin/courses/new"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(403);
  }

  // A course of another department, found as the pathology admin, is "not found" for the internal-medicine admin.
  await logout(page);
  await login(page, "d1003");
  await page.goto("/admin/courses");
  await page.getByTestId("course-table").getByRole("link", { name: "病理学", exact: true }).click();
  await page.waitForURL(/\/admin\/courses\/\w+$/);
  await expect(page.getByTestId("course-roster")).toBeVisible();
  const foreignCourse = page.url();
  await logout(page);
  await login(page, ACCOUNTS.deptAdmin);
  const response = await page.goto(foreignCourse);
  expect(response?.status()).toBe(404);
});
