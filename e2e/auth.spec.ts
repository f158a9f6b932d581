import { expect, test } from "@playwright/test";
import { ACCOUNTS, login, logout } from "./helpers";

test.describe("sign-in and portals", () => {
  for (const [who, no, portal] of [
    ["student", ACCOUNTS.student, "/student"],
    ["teacher", ACCOUNTS.teacher, "/teacher"],
    ["department admin", ACCOUNTS.deptAdmin, "/admin"],
    ["admin", ACCOUNTS.admin, "/admin"],
  ] as const) {
    test(`${who} lands on their own portal and can sign out`, async ({ page }) => {
      await login(page, no);
      await expect(page).toHaveURL(new RegExp(`${portal}$`));
      await expect(page.getByTestId("user-name")).toBeVisible();
      await logout(page);
      await page.goto(portal);
      await expect(page).toHaveURL(/\/login$/);
    });
  }

  test("a wrong password gets one generic message", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("学号 / 工号").fill(ACCOUNTS.teacher);
    await page.getByLabel("密码", { exact: true }).fill("not-the-password1");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("学号/工号或密码错误。");
    await page.getByLabel("学号 / 工号").fill("no-such-user");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("学号/工号或密码错误。");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("demo logins are shown on the login page in demo mode", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByTestId("demo-logins")).toContainText("admin");
  });

  test("cross-role URLs get the 403 page", async ({ page }) => {
    await login(page, ACCOUNTS.student);
    for (const url of ["/teacher", "/admin"]) {
      const response = await page.goto(url);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
    }
    // The 403 page offers a way out for someone signed in with the wrong account.
    await logout(page);
    await login(page, ACCOUNTS.teacher);
    const response = await page.goto("/student");
    expect(response?.status()).toBe(403);
  });

  test("unknown or malformed ids give the 404 page", async ({ page }) => {
    await login(page, ACCOUNTS.student);
    for (const url of ["/student/courses/doesnotexist", "/student/courses/%E2%9C%93'%22<x>", "/no/such/page"]) {
      const response = await page.goto(url);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    }
  });

  test("the health endpoint reports the database", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: { status: "ok" } });
  });
});
