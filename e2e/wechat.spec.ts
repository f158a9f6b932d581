import { expect, test } from "@playwright/test";
import { simOpenid } from "../lib/wechat-sim/users";
import { ACCOUNTS, DEMO_PASSWORD, expectNoHorizontalScroll, login } from "./helpers";

// In demo mode the app starts the local WeChat simulator on :3900 and delivers its callbacks to the app.
const SIMULATOR = "http://127.0.0.1:3900";

test("a topic reaches a bound student's WeChat; the reply from WeChat lands on the teacher's board", async ({ page: board, browser }) => {
  test.setTimeout(90_000);
  await login(board, ACCOUNTS.teacher);
  await board.getByTestId("course-card").filter({ hasText: "诊断学" }).click();
  await board.waitForURL(/\/teacher\/courses\/\w+$/);
  await board.goto(`${board.url()}/lessons`);
  await board.getByTestId("lesson-open").filter({ hasText: "心电图基础" }).click();
  await board.waitForURL(/\/teacher\/lessons\/\w+\/prep$/);
  const lessonId = board.url().match(/lessons\/(\w+)\//)![1];
  await board.goto(`/teacher/lessons/${lessonId}/live`);
  await expect(board.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  await board.getByTestId("topic-prompt").fill("窦性心动过速的心电图特点是什么？");
  await board.getByTestId("topic-open-submit").click();

  // 陈思远 (2023010101) is bound to the simulated WeChat user "陈思远的微信" in the demo school.
  const phone = await (await browser.newContext()).newPage();
  await phone.goto(`${SIMULATOR}/phone/${simOpenid("chensiyuan")}`);
  const messages = phone.getByRole("region", { name: "模板消息" });
  await expect(messages.locator("article").filter({ hasText: "心电图基础" })).toBeVisible({ timeout: 30_000 });
  // Only a title, a time and a link: the topic's text is not in the push.
  await expect(messages).not.toContainText("窦性心动过速");

  await phone.locator("#reply").fill("心率大于100次/分，P波正常（来自微信）");
  await phone.getByRole("button", { name: "发送" }).click();
  await expect(board.getByTestId("board-answer").filter({ hasText: "来自微信" })).toBeVisible({ timeout: 15_000 });
  const conversation = phone.getByRole("region", { name: "对话" });
  await expect(conversation).toContainText("已收到你的回答", { timeout: 15_000 });
  // The passive reply confirms and links the lesson; it does not quote the topic either.
  await expect(conversation).toContainText("/h5/entry");
  await expect(conversation).not.toContainText("窦性心动过速的心电图特点");
});

test("a teacher binds WeChat from the teacher portal to receive feedback summaries", async ({ page }) => {
  await login(page, "t2001");
  await page.goto("/teacher/wechat");
  await expect(page.getByTestId("wechat-binding")).toHaveAttribute("data-state", "none");
  await page.getByTestId("wechat-demo-bind").click();
  await page.getByRole("link", { name: /李慧敏老师/ }).click();
  await page.waitForURL(/\/h5\/bind/);
  await page.getByLabel(/工号/).fill("t2001");
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByTestId("consent-agree").check();
  await page.getByTestId("bind-submit").click();
  await page.waitForURL(/\/teacher\/wechat$/);
  await expect(page.getByTestId("wechat-binding")).toHaveAttribute("data-state", "active");
  // Teachers get the feedback summary (staff only), switched on with the binding.
  await expect(page.getByTestId("pref-feedback_summary")).toBeChecked();
});

test("a student binds WeChat through the simulated OAuth page with the consent screen", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto("/h5/entry?next=/student/wechat");
  // WeChat would know who holds the phone; the simulator asks.
  await page.getByRole("link", { name: /王浩然/ }).click();
  await page.waitForURL(/\/h5\/bind/);
  await expect(page.getByTestId("consent-text")).toContainText("绝不发送成绩");
  await expectNoHorizontalScroll(page);
  await page.getByLabel(/学号/).fill("2023010103");
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByTestId("bind-submit").click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toBeVisible();
  await page.getByTestId("consent-agree").check();
  await page.getByTestId("bind-submit").click();
  await page.waitForURL(/\/student\/wechat$/);
  await expect(page.getByTestId("wechat-binding")).toHaveAttribute("data-state", "active");
  await expect(page.getByTestId("consent-history")).toBeVisible();
  await expectNoHorizontalScroll(page);

  // Next time WeChat's OAuth alone signs the student in.
  await context.clearCookies();
  await page.goto("/h5/entry?next=/student");
  await page.getByRole("link", { name: /王浩然/ }).click();
  await page.waitForURL(/\/student$/);
  await expect(page.getByTestId("user-name")).toBeVisible();
});
