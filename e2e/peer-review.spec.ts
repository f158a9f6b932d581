import { type APIResponse, type BrowserContext, type Page, expect, test } from "@playwright/test";
import { ACCOUNTS, expectNoHorizontalScroll } from "./helpers";
import { DIAGNOSTICS, signedIn } from "./lesson-helpers";

// A fresh peer review on 诊断学 (t2001), four 1班 students (2023010101–04, groups 1–4): setup with a rubric and an
// example, submissions, allocation, calibration and reviews on a phone, grading, release, results. Every response a
// student's browser receives after signing in is kept and scanned for the other students' names and 学号.
const TITLE = `病例分析互评 E2E ${Date.now()}`;
const INSTRUCTIONS = "阅读病例：男，62 岁，突发胸骨后压榨性疼痛 2 小时。写出**诊断思路**与首选检查。";
const CRITERION = "诊断思路";
const COMMENT_CRITERION = "改进建议";
const EXAMPLE = "示例作品：考虑急性心肌梗死，需与主动脉夹层鉴别。首选心电图。";
const STUDENT_NOS = ["2023010101", "2023010102", "2023010103", "2023010104"] as const;
const WORK = (i: number) => `作品 ${i + 1}：首先排除急性冠脉综合征、主动脉夹层、肺栓塞；10 分钟内完成心电图并查肌钙蛋白。`;

interface StudentSession {
  no: string;
  name: string;
  context: BrowserContext;
  page: Page;
  bodies: string[];
}

const decoded = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * Passes every request to the app through the test and keeps the text of each response from now on: HTML, RSC
 * payloads (navigations, prefetches, server action results), JSON and files, with their headers percent-decoded
 * (Content-Disposition carries a file's name as RFC 5987 `filename*`). Listening for "response" events is not
 * enough: the browser drops the bodies of prefetched and replaced RSC responses before they can be read.
 */
async function recordResponses(page: Page, bodies: string[]) {
  await page.route(
    (url) => url.hostname === "localhost",
    async (route) => {
      let response: APIResponse;
      try {
        // Redirects go back to the browser, which follows them through this route again.
        response = await route.fetch({ maxRedirects: 0 });
      } catch {
        // The page closed or navigated away mid-request: nothing reached it.
        await route.abort().catch(() => {});
        return;
      }
      const body = await response.body();
      const headers = Object.entries(response.headers()).map(([name, value]) => `${name}: ${decoded(value)}`);
      bodies.push(`${headers.join("\n")}\n${body.toString("utf8")}\n${body.toString("latin1")}`);
      await route.fulfill({ response, body });
    },
  );
}

async function openStudent(browser: Parameters<typeof signedIn>[0], no: string): Promise<StudentSession> {
  const { context, page } = await signedIn(browser, no, { phone: true });
  page.on("dialog", (dialog) => void dialog.accept());
  const name = (await page.getByTestId("user-name").innerText()).trim();
  const bodies: string[] = [];
  // Only after signing in: the demo login page lists demo accounts by name.
  await recordResponses(page, bodies);
  return { no, name, context, page, bodies };
}

test("peer review: setup with rubric and example, submissions, allocation, calibration, reviews on a phone, grades, anonymous results", async ({ browser }) => {
  test.setTimeout(300_000);

  // The teacher sets the activity up on a desktop.
  const teacher = await signedIn(browser, ACCOUNTS.teacher);
  const t = teacher.page;
  t.on("dialog", (dialog) => void dialog.accept());
  await t.goto("/teacher");
  await t.getByTestId("course-card").filter({ hasText: DIAGNOSTICS.course }).click();
  await t.waitForURL(/\/teacher\/courses\/[^/]+$/);
  await t.getByRole("navigation", { name: "课程导航" }).getByRole("link", { name: "同伴互评", exact: true }).click();
  await t.waitForURL(/\/peer-reviews$/);
  await t.getByTestId("peer-new").click();
  await t.waitForURL(/\/peer-reviews\/new$/);

  const setup = t.getByTestId("setup-form");
  await setup.getByTestId("setup-title").fill(TITLE);
  await setup.getByTestId("setup-instructions").fill(INSTRUCTIONS);
  await setup.getByTestId("setup-k").fill("2");
  // The starter rubric: one criterion with three levels (待改进 0, 合格 1, 优秀 2); name it and add a comment-only one.
  const criteria = setup.getByTestId("rubric-criterion");
  await criteria.nth(0).getByTestId("criterion-title").fill(CRITERION);
  await expect(criteria.nth(0).getByTestId("level-title")).toHaveCount(3);
  await setup.getByTestId("add-comment-criterion").click();
  await criteria.nth(1).getByTestId("criterion-title").fill(COMMENT_CRITERION);
  await setup.getByTestId("setup-calibration").check();
  await setup.getByTestId("setup-threshold").fill("60");
  await setup.getByTestId("setup-save").click();
  await t.waitForURL(/\/peer-reviews\/(?!new)[^/]+$/);
  const activityId = new URL(t.url()).pathname.split("/").pop()!;
  await expect(t.getByTestId("peer-title")).toHaveText(TITLE);
  await expect(t.getByTestId("phase-bar")).toHaveAttribute("data-phase", "SETUP");

  // An example with the teacher's reference assessment: 优秀 on the scored criterion.
  await t.getByTestId("example-add-text").fill(EXAMPLE);
  await t.getByTestId("example-add").click();
  const example = t.getByTestId("example");
  await expect(example).toHaveCount(1);
  const reference = example.getByTestId("reference-form");
  await reference.getByTestId("level-0-2").click();
  await reference.getByTestId("comment-1").fill("鉴别诊断可再补充肺栓塞。");
  await reference.getByTestId("reference-save").click();
  await expect(example.getByTestId("reference-status")).toHaveAttribute("data-done", "true");

  await t.getByTestId("phase-next").click();
  await expect(t.getByTestId("phase-bar")).toHaveAttribute("data-phase", "SUBMISSION");

  // Four students hand in on their phones; the second attaches a PDF named after themselves.
  const students: StudentSession[] = [];
  for (const no of STUDENT_NOS) students.push(await openStudent(browser, no));
  const url = `/student/peer-reviews/${activityId}`;
  for (const [i, student] of students.entries()) {
    const s = student.page;
    await s.goto(url);
    await expect(s.getByTestId("student-todo")).toHaveAttribute("data-todo", "submit");
    await s.getByTestId("submit-text").fill(WORK(i));
    if (i === 1) {
      await s.getByTestId("submit-files").setInputFiles({
        name: `${student.name}-${student.no}-病例分析.pdf`,
        mimeType: "application/pdf",
        // WPS and Word copy the file name into /Title: the author's name and 学号 in two places.
        buffer: Buffer.from(`%PDF-1.4\n1 0 obj << /Title (${student.name}-${student.no}-病例分析) /Author (${student.no}) >> endobj\ntrailer << /Info 1 0 R >>\n%%EOF\n`),
      });
    }
    await s.getByTestId("submit-button").click();
    await expect(s.getByTestId("submit-saved")).toBeVisible();
    await expect(s.getByTestId("my-submission-state")).toBeVisible();
  }

  // Reviewing starts: every submission gets 2 reviewers, nobody their own.
  await t.reload();
  await t.getByTestId("phase-next").click();
  await expect(t.getByTestId("phase-bar")).toHaveAttribute("data-phase", "ASSESSMENT");
  await expect(t.getByTestId("allocation-matrix").getByTestId("matrix-cell")).toHaveCount(8);

  // Each student calibrates on the example, then reviews two peers; the first one is checked closely on the phone.
  let genericFiles = 0;
  for (const [i, student] of students.entries()) {
    const s = student.page;
    await s.goto(url);
    await expect(s.getByTestId("student-todo")).toHaveAttribute("data-todo", "calibrate");
    await expect(s.getByTestId("review-item")).toHaveCount(0);
    const calibration = s.getByTestId("calibration-form");
    await calibration.getByTestId("level-0-2").click();
    await calibration.getByTestId("calibration-submit").click();
    await expect(s.getByTestId("calibration-closeness")).toContainText("100");
    await expect(s.getByTestId("calibration-reference")).toContainText("优秀");
    await expect(s.getByTestId("calibration-passed")).toBeVisible();
    await expect(s.getByTestId("student-todo")).toHaveAttribute("data-todo", "review");

    const items = s.locator('[data-testid="review-item"][data-kind="PEER"]');
    await expect(items).toHaveCount(2);
    // The work under review names nobody; a file comes as 提交材料-1.pdf, never under the uploaded name.
    const works = await s.getByTestId("review-work").allInnerTexts();
    for (const other of students.filter((o) => o !== student)) {
      for (const text of works) {
        expect(text).not.toContain(other.name);
        expect(text).not.toContain(other.no);
      }
    }
    // Only the files under review: a student's own work above lists their own file under the name they gave it.
    const files = items.getByTestId("review-work").getByTestId("work-file");
    genericFiles += await files.count();
    for (const name of await files.allInnerTexts()) expect(name).toContain("提交材料-1.pdf");
    // Downloaded from the page, so the scan below sees the file and its headers (the PDF's /Title and /Author are blanked).
    for (const href of await files.evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""))) {
      const disposition = await s.evaluate(async (path) => (await fetch(path)).headers.get("content-disposition"), href);
      expect(decodeURIComponent(disposition ?? "")).toContain("提交材料-1.pdf");
    }

    for (let r = 0; r < 2; r++) {
      const item = items.nth(r);
      await item.getByTestId(r === 0 ? "level-0-2" : "level-0-1").click();
      await item.getByTestId("comment-1").fill(`评审意见 ${i + 1}-${r + 1}：诊断依据可以更具体。`);
      await item.getByTestId("review-submit").click();
      await expect(item.getByTestId("review-saved")).toBeVisible();
      await expect(item).toHaveAttribute("data-done", "true");
    }
    await expect(s.getByTestId("student-todo")).toHaveAttribute("data-todo", "wait_grades");
    if (i === 0) {
      await expectNoHorizontalScroll(s);
      await s.screenshot({ path: "test-results/peer-review-375.png", fullPage: true });
    }
  }
  // Student 2's submission has two reviewers, and both saw its PDF under the generic name.
  expect(genericFiles).toBe(2);

  // Grading evaluation computes the grades; the teacher releases them.
  await t.reload();
  await expect(t.getByTestId("progress-summary")).toContainText("8/8");
  await t.getByTestId("phase-next").click();
  await expect(t.getByTestId("phase-bar")).toHaveAttribute("data-phase", "GRADING");
  await expect(t.getByTestId("grades-table").getByTestId("grade-row")).toHaveCount(4);
  await t.getByTestId("release-grades").click();
  await expect(t.getByTestId("release-state")).toHaveAttribute("data-released", "true");
  await t.screenshot({ path: "test-results/peer-review-teacher.png", fullPage: true });

  // The author sees the grade and both reviews as 评审人 A and B, without names.
  const author = students[0].page;
  await author.goto(url);
  await expect(author.getByTestId("student-todo")).toHaveAttribute("data-todo", "results");
  await expect(author.getByTestId("result-grade")).not.toHaveText("—");
  const received = author.getByTestId("received-review");
  await expect(received).toHaveCount(2);
  await expect(received.nth(0)).toContainText("评审人 A");
  await expect(received.nth(1)).toContainText("评审人 B");
  await expect(received.nth(0)).toContainText("评审意见");
  const page = await author.content();
  for (const other of students.slice(1)) {
    expect(page).not.toContain(other.name);
    expect(page).not.toContain(other.no);
  }
  await expectNoHorizontalScroll(author);
  await author.screenshot({ path: "test-results/peer-review-results-375.png", fullPage: true });

  // The anonymity scan: nothing any student received names another of them.
  for (const student of students) {
    const bodies = student.bodies.join("\n");
    // The recording holds the pages as sent: each student's own name is on every page they opened.
    expect(bodies.includes(student.name), `${student.no}'s recorded responses hold their own name`).toBe(true);
    for (const other of students.filter((o) => o !== student)) {
      expect(bodies.includes(other.name), `${student.no} received the name of ${other.no}`).toBe(false);
      expect(bodies.includes(other.no), `${student.no} received the 学号 ${other.no}`).toBe(false);
    }
  }

  for (const student of students) {
    // A prefetch may still be passing through the recorder; its page is going away.
    await student.page.unrouteAll({ behavior: "ignoreErrors" });
    await student.context.close();
  }
  await teacher.context.close();
});
