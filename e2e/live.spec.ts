import { type Browser, type Page, expect, test } from "@playwright/test";
import { ACCOUNTS, expectNoHorizontalScroll, login } from "./helpers";

const PHONE = {
  viewport: { width: 375, height: 812 },
  isMobile: true,
  hasTouch: true,
  userAgent:
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/126.0 Mobile Safari/537.36 MicroMessenger/8.0.50",
};

async function studentOnPhone(browser: Browser, no: string, lessonPath: string): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await login(page, no);
  await page.goto(lessonPath);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  return page;
}

test("live class: sign-in codes, a topic pushed to two phones, answers on the board, a highlight seen by all", async ({ page: board, browser }) => {
  test.setTimeout(150_000);
  await login(board, ACCOUNTS.teacher);
  await board.getByTestId("course-card").filter({ hasText: "诊断学" }).click();
  await board.waitForURL(/\/teacher\/courses\/\w+$/);
  await board.goto(`${board.url()}/lessons`);
  await board.getByTestId("lesson-open").filter({ hasText: "病历书写规范" }).click();
  await board.waitForURL(/\/teacher\/lessons\/\w+\/prep$/);
  const lessonId = board.url().match(/lessons\/(\w+)\//)![1];
  await board.goto(`/teacher/lessons/${lessonId}/live`);
  await expect(board.getByTestId("live-board")).toBeVisible();
  await expect(board.getByTestId("live-status")).toHaveAttribute("data-status", "live");

  await board.getByTestId("signin-open").click();
  const codeOnBoard = board.getByTestId("signin-code");
  await expect(codeOnBoard).toHaveText(/\d{3}\s?\d{3}/);
  await expect(board.getByTestId("signin-qr")).toBeVisible();
  const firstCode = (await codeOnBoard.innerText()).replace(/\D/g, "");

  const studentPath = `/student/lessons/${lessonId}/live`;
  const alice = await studentOnPhone(browser, ACCOUNTS.student, studentPath);
  const bob = await studentOnPhone(browser, "2023010102", studentPath);

  await alice.getByTestId("signin-input").fill(firstCode);
  await alice.getByTestId("signin-submit").click();
  await expect(alice.getByTestId("signin-status")).toContainText("✓");

  // The code rotates every 30 s and the previous one is still accepted; two rotations later it is refused.
  const isNot = (code: string) => async () => (await codeOnBoard.innerText()).replace(/\D/g, "") !== code;
  await expect.poll(isNot(firstCode), { timeout: 35_000, intervals: [500] }).toBe(true);
  const secondCode = (await codeOnBoard.innerText()).replace(/\D/g, "");
  await expect.poll(isNot(secondCode), { timeout: 35_000, intervals: [500] }).toBe(true);
  await bob.getByTestId("signin-input").fill(firstCode);
  await bob.getByTestId("signin-submit").click();
  await expect(bob.locator("#signin-error")).toContainText("签到码不正确或已过期");
  await bob.getByTestId("signin-input").fill((await codeOnBoard.innerText()).replace(/\D/g, ""));
  await bob.getByTestId("signin-submit").click();
  await expect(bob.getByTestId("signin-status")).toContainText("✓");
  await expect(board.getByTestId("attendance-counts")).toContainText("2");

  // A topic reaches both phones within a second, without a reload.
  await board.getByTestId("topic-prompt").fill("这位患者的心尖部舒张期杂音提示什么？");
  await board.getByTestId("topic-open-submit").click();
  const opened = Date.now();
  await expect(alice.getByTestId("student-topic")).toContainText("舒张期杂音", { timeout: 1_000 });
  await expect(bob.getByTestId("student-topic")).toContainText("舒张期杂音", { timeout: Math.max(1, 1_000 - (Date.now() - opened)) });

  await alice.getByTestId("student-answer-input").fill("二尖瓣狭窄");
  await alice.getByTestId("student-answer-submit").click();
  await bob.getByTestId("student-answer-input").fill("<img src=x onerror=alert(1)>主动脉瓣关闭不全？");
  await bob.getByTestId("student-answer-submit").click();
  const answers = board.getByTestId("board-answer");
  await expect(answers).toHaveCount(2);
  await expect(answers.filter({ hasText: "<img src=x onerror=alert(1)>" })).toHaveCount(1);

  await answers.filter({ hasText: "二尖瓣狭窄" }).getByTestId("highlight-button").click();
  for (const phone of [alice, bob]) {
    await expect(phone.getByTestId("highlighted-answer")).toContainText("二尖瓣狭窄");
  }

  await bob.getByTestId("lost-button").click();
  await expect(board.getByTestId("lost-recent")).toHaveText("1");

  await board.getByTestId("topic-close").click();
  await expect(alice.getByTestId("topic-closed-note")).toBeVisible();
  for (const phone of [alice, bob]) await expectNoHorizontalScroll(phone);
  await alice.screenshot({ path: "test-results/student-live-375.png", fullPage: true });
  await board.screenshot({ path: "test-results/teacher-live-board.png", fullPage: true });
});

test("only enrolled students can join a lesson's live page", async ({ page }) => {
  await login(page, ACCOUNTS.teacher);
  await page.getByTestId("course-card").filter({ hasText: "诊断学" }).click();
  await page.waitForURL(/\/teacher\/courses\/\w+$/);
  await page.goto(`${page.url()}/lessons`);
  await page.getByTestId("lesson-open").first().click();
  await page.waitForURL(/\/teacher\/lessons\/\w+\/prep$/);
  const lessonId = page.url().match(/lessons\/(\w+)\//)![1];
  const context = await page.context().browser()!.newContext();
  const outsider = await context.newPage();
  await login(outsider, ACCOUNTS.student3);
  const response = await outsider.goto(`/student/lessons/${lessonId}/live`);
  expect(response?.status()).toBe(404);
});
