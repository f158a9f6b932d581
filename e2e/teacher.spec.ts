import { expect, test } from "@playwright/test";
import { ACCOUNTS, login, logout } from "./helpers";

test("a teacher edits the course intro; the scheme must add up to 100%; students see the change", async ({ page }) => {
  await login(page, ACCOUNTS.surgeryTeacher);
  await page.getByTestId("course-card").filter({ hasText: "外科学总论" }).click();
  await page.waitForURL(/\/teacher\/courses\/\w+$/);
  const courseUrl = page.url();
  await page.goto(`${courseUrl}/intro`);

  const scheme = page.getByTestId("scheme-editor");
  const weights = scheme.getByLabel("权重（%）");
  await weights.first().fill("15");
  await expect(page.getByTestId("scheme-total")).toContainText("105%");
  const save = page.getByRole("button", { name: "保存课程介绍" });
  await expect(save).toBeDisabled();
  await weights.nth(1).fill("10");
  await expect(page.getByTestId("scheme-total")).toContainText("100%");

  const syllabus = page.getByTestId("syllabus-editor");
  await syllabus.fill("## 新版教学大纲\n\n- 无菌术实训：**必修**\n\n<script>alert(1)</script>");
  await expect(page.getByTestId("syllabus-preview").getByRole("heading", { name: "新版教学大纲" })).toBeVisible();
  await expect(page.getByTestId("syllabus-preview").locator("script")).toHaveCount(0);
  await save.click();
  await expect(page.getByText("课程介绍已保存。")).toBeVisible();

  await logout(page);
  await login(page, ACCOUNTS.student3);
  await page.getByTestId("course-card").filter({ hasText: "外科学总论" }).click();
  await expect(page.getByRole("heading", { name: "新版教学大纲" })).toBeVisible();
  await expect(page.getByTestId("course-assessment").locator("li").first()).toContainText("15%");
});

test("a teacher adds a lesson, moves it up and deletes it", async ({ page }) => {
  await login(page, ACCOUNTS.surgeryTeacher);
  await page.getByTestId("course-card").filter({ hasText: "外科学总论" }).click();
  await page.waitForURL(/\/teacher\/courses\/\w+$/);
  const courseUrl = page.url();
  await page.goto(`${courseUrl}/lessons/new`);
  const form = page.getByTestId("lesson-form");
  await form.getByLabel("标题").fill("加课：清创缝合实训");
  await form.getByLabel("开始时间").fill("10:00");
  await form.getByLabel("结束时间").fill("09:00");
  await form.getByRole("button", { name: /保存|创建/ }).click();
  await expect(page.getByText("结束时间必须晚于开始时间。").first()).toBeVisible();
  await form.getByLabel("结束时间").fill("11:40");
  await form.getByRole("button", { name: /保存|创建/ }).click();
  await page.waitForURL(/\/lessons$/);

  const rows = page.getByTestId("lesson-row");
  await expect(rows).toHaveCount(17);
  await expect(rows.last()).toContainText("加课：清创缝合实训");
  await page.getByRole("button", { name: /上移.*加课：清创缝合实训/ }).click();
  await expect(rows.nth(15)).toContainText("加课：清创缝合实训");
  await rows.nth(15).getByRole("button", { name: "删除" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "确认删除" }).click();
  await expect(rows).toHaveCount(16);
});
