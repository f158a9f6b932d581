import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { type Page, expect, test } from "@playwright/test";
import { ACCOUNTS, expectNoHorizontalScroll, login, recordConsoleErrors } from "./helpers";
import { DIAGNOSTICS, WECHAT_PHONE } from "./lesson-helpers";

// DEVELOPERS.md: every student page works at 375×812 inside WeChat's in-app browser. 陈思远 (2023010101) and the demo
// data of 诊断学: an open course evaluation, practice history with mistakes due, points, released homework grades.
test.use({ ...WECHAT_PHONE });

let consoleErrors: string[] = [];
test.beforeEach(({ page }) => {
  consoleErrors = recordConsoleErrors(page);
});
test.afterEach(() => {
  expect(consoleErrors, "console errors").toEqual([]);
});

/** A key shown instead of its text ("coursework.homework"): next-intl's fallback for a missing or non-string message. */
const MESSAGE_KEY = new RegExp(
  `\\b(${fs.readdirSync(fileURLToPath(new URL("../messages/zh-CN", import.meta.url))).map((file) => file.replace(/\.json$/, "")).join("|")})\\.\\w+`,
);

/** The page got as far as its heading, every text is translated and nothing on it sticks out sideways. */
async function expectPhonePage(page: Page, heading: string | RegExp) {
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(MESSAGE_KEY, { useInnerText: true });
  await expectNoHorizontalScroll(page);
}

/** Student home → the course card; returns the course page's URL. */
async function openCourse(page: Page): Promise<string> {
  await login(page, ACCOUNTS.student);
  await page.getByTestId("course-card").filter({ hasText: DIAGNOSTICS.course }).click();
  await page.waitForURL(/\/student\/courses\/\w+$/);
  await expectPhonePage(page, DIAGNOSTICS.course);
  return page.url();
}

test("after class on a phone: 课后任务, the evaluation form, 自测练习, 我的成绩 and 我的积分 fit the screen", async ({ page }) => {
  test.setTimeout(90_000);
  const courseUrl = await openCourse(page);

  await page.getByTestId("course-coursework-link").click();
  await page.waitForURL(/\/coursework$/);
  await expectPhonePage(page, "课后任务");
  await expect(page.getByRole("heading", { name: "课后作业" })).toBeVisible();
  await expect(page.getByTestId("coursework-homework").first()).toBeVisible();

  await page.getByTestId("coursework-evaluation").filter({ hasText: "诊断学 期中课程评教" }).click();
  await page.waitForURL(/\/student\/evaluations\/\w+$/);
  await expectPhonePage(page, "诊断学 期中课程评教");
  await expect(page.getByTestId("evaluation-student-state")).toHaveAttribute("data-state", "open");
  await expect(page.getByTestId("evaluation-submit")).toBeVisible();

  await page.goto(courseUrl);
  await page.getByTestId("course-practice-link").click();
  await page.waitForURL(/\/practice$/);
  await expectPhonePage(page, "自测练习");
  await page.getByTestId("practice-all").click();
  await page.waitForURL(/\/practice\?/);
  await expectPhonePage(page, "全部题目");
  // Answered (right or wrong): the verdict, the right answer and the explanation must fit too.
  const question = page.getByTestId("practice-question");
  // The server picks the question (choice, true/false or fill-in); retried until the hydrated form takes the answer.
  const choices = question.getByRole("radio").or(question.getByRole("checkbox"));
  await expect(async () => {
    if ((await choices.count()) > 0) await choices.first().check();
    else for (const blank of await question.getByRole("textbox").all()) await blank.fill("不确定");
    await expect(page.getByTestId("practice-submit")).toBeEnabled({ timeout: 1_000 });
  }).toPass();
  await page.getByTestId("practice-submit").click();
  await expect(page.getByTestId("practice-feedback")).toBeVisible();
  await expectNoHorizontalScroll(page);

  await page.goto(courseUrl);
  await page.getByTestId("course-grades-link").click();
  await page.waitForURL(/\/grades$/);
  await expectPhonePage(page, "我的成绩");
  await expect(page.getByTestId("my-total")).toBeVisible();

  await page.goto(courseUrl);
  await page.getByTestId("course-points-link").click();
  await page.waitForURL(/\/points$/);
  await expectPhonePage(page, "我的积分");
  await expect(page.getByTestId("points-award").first()).toBeVisible();
});

test("the mistake book and today's review fit a phone", async ({ page }) => {
  await login(page, ACCOUNTS.student);
  await page.getByRole("navigation").getByRole("link", { name: "错题本" }).click();
  await page.waitForURL("**/student/mistakes");
  await expectPhonePage(page, "错题本");
  await page.getByTestId("mistake-filter-all").click();
  await page.waitForURL(/filter=all/);
  await expect(page.getByTestId("mistake-item").first()).toBeVisible();
  await expectNoHorizontalScroll(page);

  // The demo's practice history leaves items due today; with none due the page says so, and has to fit as well.
  await page.goto("/student/mistakes/review");
  await expectPhonePage(page, "错题复习");
  await expect(page.getByTestId("practice-question").or(page.getByTestId("review-done"))).toBeVisible();
});

test("课中 of the last lesson (its closed poll and discussion) fits a phone", async ({ page }) => {
  await openCourse(page);
  // The demo's in-class history is on the latest lesson that has ended, the last 课后 one in the schedule.
  const lesson = page.getByTestId("course-schedule").locator(":scope > li").filter({ has: page.locator('[data-phase="POST"]') }).last();
  const title = (await lesson.locator("summary span.block.font-medium").innerText()).trim();
  await lesson.locator("summary").click();
  await lesson.getByTestId("lesson-open").click();
  await page.waitForURL(/\/student\/lessons\/\w+\/after$/);
  await page.getByTestId("tab-live").click();
  await page.waitForURL(/\/student\/lessons\/\w+\/live$/);
  await expectPhonePage(page, title);
  await expect(page.getByTestId("live-status")).toBeVisible();
  await expectNoHorizontalScroll(page);
});

test("WeChat settings and the binding page fit a phone", async ({ page, browser }) => {
  await login(page, ACCOUNTS.student);
  await page.getByRole("navigation").getByRole("link", { name: "微信通知" }).click();
  await page.waitForURL("**/student/wechat");
  await expectPhonePage(page, "微信通知");
  await expect(page.getByTestId("wechat-binding")).toHaveAttribute("data-state", "active");

  // A WeChat user nobody has bound opens the app: the bind page with the consent text, before anything is bound.
  const context = await browser.newContext({ ...WECHAT_PHONE });
  const stranger = await context.newPage();
  const strangerErrors = recordConsoleErrors(stranger);
  await stranger.goto("/h5/entry?next=/student");
  await stranger.getByRole("link", { name: /未关注的访客/ }).click();
  await stranger.waitForURL(/\/h5\/bind/);
  await expectPhonePage(stranger, "绑定微信");
  await expect(stranger.getByTestId("consent-text")).toBeVisible();
  await expectNoHorizontalScroll(stranger);
  expect(strangerErrors, "console errors on the bind page").toEqual([]);
  await context.close();
});
