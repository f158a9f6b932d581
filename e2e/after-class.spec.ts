import fs from "node:fs/promises";
import { type Browser, type Page, expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { simOpenid } from "../lib/wechat-sim/users";
import { ACCOUNTS, expectNoHorizontalScroll, login } from "./helpers";

// In demo mode the app starts the local WeChat simulator on :3900; 陈思远 (2023010101) is bound to "陈思远的微信".
const SIMULATOR = "http://127.0.0.1:3900";
const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true } as const;

// Unique per run, so the import never meets its own questions as duplicates and the push is told apart.
const RUN = Date.now().toString(36).slice(-4);
const TAG = `目标:心电图速判${RUN}`;
const QUIZ_TITLE = `心电图测验${RUN}`;

interface Row {
  type: string;
  stem: string;
  options?: string[];
  answer: string;
  explanation: string;
}

const SINGLE: Row = {
  type: "单选",
  stem: `窦性心律时，P 波在哪个导联倒置？（${RUN}）`,
  options: ["I 导联", "II 导联", "aVR 导联", "V5 导联"],
  answer: "C",
  explanation: "窦性 P 波在 aVR 导联倒置，在 I、II、aVF 导联直立。",
};
const MULTIPLE: Row = {
  type: "多选",
  stem: `下列属于急性 ST 段抬高型心肌梗死心电图表现的是（${RUN}）`,
  options: ["ST 段弓背向上抬高", "病理性 Q 波", "超急性期 T 波高尖", "PR 间期缩短"],
  answer: "ABC",
  explanation: "PR 间期缩短见于预激综合征，不是心肌梗死的表现。",
};
const TRUE_FALSE: Row = {
  type: "判断",
  stem: `正常成人 PR 间期为 0.12～0.20 秒。（${RUN}）`,
  answer: "对",
  explanation: "PR 间期反映房室传导时间，正常 0.12～0.20 秒。",
};
const FILL_IN: Row = {
  type: "填空",
  stem: `正常成人 QRS 波群时限不超过 ____ 秒。（${RUN}）`,
  answer: "0.12/0.11",
  explanation: "QRS 时限 ≥0.12 秒提示室内传导阻滞。",
};
const ROWS = [SINGLE, MULTIPLE, TRUE_FALSE, FILL_IN];

/** The downloaded template with our questions in its 题目 sheet, found by header (as a teacher would fill it). */
async function fillTemplate(templatePath: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await fs.readFile(templatePath)).buffer);
  const sheet = workbook.getWorksheet("题目");
  if (!sheet) throw new Error("the template has no 题目 sheet");
  const column: Record<string, number> = {};
  sheet.getRow(1).eachCell((cell, number) => {
    column[cell.text.trim()] = number;
  });
  ROWS.forEach((question, index) => {
    const row = sheet.getRow(index + 2);
    const set = (header: string, value: string) => {
      if (!column[header]) throw new Error(`the template has no ${header} column`);
      row.getCell(column[header]).value = value;
    };
    set("题型", question.type);
    set("题干", question.stem);
    (question.options ?? []).forEach((text, i) => set(`选项${"ABCDEF"[i]}`, text));
    set("答案", question.answer);
    set("解析", question.explanation);
    set("难度", "2");
    set("标签", `${TAG}，学科:诊断学`);
    row.commit();
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function phonePage(browser: Browser): Promise<Page> {
  return (await browser.newContext(PHONE)).newPage();
}

test("after class: Excel bank → quiz pushed to WeChat → answered on the phone → review and mistake book; late homework deduction", async ({
  page: teacher,
  browser,
}) => {
  test.setTimeout(150_000);

  // ── The demo binding keeps quiet hours 22:00–07:00; a non-urgent push would wait for the morning at night. ──
  const student = await phonePage(browser);
  await student.goto("/h5/entry?next=/student/wechat");
  await student.getByRole("link", { name: /陈思远的微信/ }).click();
  await student.waitForURL(/\/student\/wechat$/);
  await expect(student.getByTestId("pref-quiz_published")).toBeChecked();
  await student.getByTestId("quiet-start").fill("00:00");
  await student.getByTestId("quiet-end").fill("00:00");
  await student.getByTestId("wechat-settings-save").click();
  await expect(student.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  await expectNoHorizontalScroll(student);
  // Signed out again: the quiz link has to sign the student in through WeChat's OAuth.
  await student.context().clearCookies();

  // ── Teacher: import the Excel bank (template → preview → confirm) ──
  await login(teacher, ACCOUNTS.teacher);
  await teacher.getByTestId("course-card").filter({ hasText: "诊断学" }).click();
  await teacher.waitForURL(/\/teacher\/courses\/\w+$/);
  const courseUrl = teacher.url();
  await teacher.goto(`${courseUrl}/bank`);
  await teacher.getByTestId("bank-import").click();
  await teacher.waitForURL(/\/bank\/import$/);
  const [download] = await Promise.all([teacher.waitForEvent("download"), teacher.getByTestId("bank-template").click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = await fillTemplate(await download.path());
  await teacher.getByTestId("bank-import-file").setInputFiles({
    name: "心电图题库.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: workbook,
  });
  await teacher.getByTestId("bank-import-preview-button").click();
  const preview = teacher.getByTestId("bank-import-preview");
  await expect(preview).toContainText("将导入 4 道题");
  await expect(teacher.getByTestId("bank-import-errors")).toHaveCount(0);
  await expect(preview.getByTestId("bank-import-table").locator("tbody tr")).toHaveCount(4);
  await expect(preview.locator("tbody tr").filter({ hasText: MULTIPLE.stem })).toContainText("ABC");
  await expect(preview.locator("tbody tr").filter({ hasText: FILL_IN.stem })).toContainText("0.12 / 0.11");
  await teacher.getByTestId("bank-import-confirm").click();
  await expect(teacher.getByTestId("bank-import-result")).toContainText("已导入 4 道题");

  // ── Build the quiz from those questions, answers shown right after submitting, and publish it ──
  await teacher.goto(`${courseUrl}/quizzes/new`);
  await teacher.getByTestId("quiz-title").fill(QUIZ_TITLE);
  await teacher.getByTestId("quiz-review").selectOption("IMMEDIATELY");
  await teacher.getByTestId("quiz-settings-save").click();
  await teacher.waitForURL(/\/quizzes\/(?!new$)\w+$/);
  const quizId = teacher.url().match(/quizzes\/(\w+)$/)![1];
  await teacher.getByLabel("按标签筛选").selectOption(TAG);
  await teacher.getByTestId("bank-search").click();
  const results = teacher.getByTestId("bank-results").locator("li");
  await expect(results).toHaveCount(4);
  for (const question of ROWS) await results.filter({ hasText: question.stem }).getByTestId("bank-add").click();
  await expect(teacher.getByTestId("quiz-total")).toContainText("共 4 题，满分 4 分");
  await teacher.getByTestId("quiz-items-save").click();
  await expect(teacher.getByRole("status").filter({ hasText: "已保存题目" })).toBeVisible();
  await teacher.getByTestId("quiz-publish").click();
  await expect(teacher.getByRole("status").filter({ hasText: "已发布" })).toBeVisible();
  await expect(teacher.getByTestId("quiz-unpublish")).toBeVisible();

  // ── The "课后测验" message on 陈思远's phone: a title, a time and a link, no question ──
  const phone = await student.context().newPage();
  await phone.goto(`${SIMULATOR}/phone/${simOpenid("chensiyuan")}`);
  const message = phone.getByRole("region", { name: "模板消息" }).locator("article").filter({ hasText: QUIZ_TITLE });
  await expect(message).toBeVisible({ timeout: 30_000 });
  await expect(message.getByRole("heading")).toHaveText("课后测验发布");
  await expect(message).toContainText(`诊断学 · ${QUIZ_TITLE}`);
  await expect(message.locator(".row")).toHaveCount(2);
  for (const question of ROWS) await expect(message).not.toContainText(question.stem.slice(0, 8));
  await expect(message).not.toContainText("aVR");
  const link = await message.getByRole("link", { name: /详情/ }).getAttribute("href");
  expect(link).toContain(`/h5/entry?next=${encodeURIComponent(`/student/quizzes/${quizId}`)}`);
  await phone.close();

  // ── The link opens in WeChat: OAuth signs the student in and lands on the quiz ──
  await student.goto(link!);
  await student.getByRole("link", { name: /陈思远的微信/ }).click();
  await student.waitForURL(new RegExp(`/student/quizzes/${quizId}$`));
  await expect(student.getByTestId("quiz-title")).toHaveText(QUIZ_TITLE);
  await expectNoHorizontalScroll(student);
  await student.getByTestId("quiz-start").click();
  await student.waitForURL(/\/attempt\/\w+$/);

  const question = (row: Row) => student.getByTestId("attempt-question").filter({ hasText: row.stem });
  const option = (row: Row, text: string) => question(row).getByTestId("attempt-option").filter({ hasText: text });
  const saved = (row: Row) => expect(question(row).getByTestId("attempt-save-status")).toHaveText(/已保存/);
  await expect(student.getByTestId("attempt-question")).toHaveCount(4);
  await option(SINGLE, "aVR").click();
  await saved(SINGLE);
  // Deliberately wrong: PR 间期缩短 is not a sign of infarction, and 病理性 Q 波 is left out.
  await option(MULTIPLE, "ST 段弓背向上抬高").click();
  await option(MULTIPLE, "PR 间期缩短").click();
  await saved(MULTIPLE);
  await option(TRUE_FALSE, "正确").click();
  await saved(TRUE_FALSE);
  await expect(student.getByTestId("attempt-saved-state")).toHaveText("已保存");
  await expect(student.getByTestId("attempt-progress")).toContainText("已答 3/4");
  await expectNoHorizontalScroll(student);

  // A reload (or a lost connection) loses nothing.
  await student.reload();
  await expect(student.getByTestId("attempt-progress")).toContainText("已答 3/4");
  await expect(option(SINGLE, "aVR").locator("input")).toBeChecked();
  await expect(option(SINGLE, "II 导联").locator("input")).not.toBeChecked();
  await expect(option(MULTIPLE, "ST 段弓背向上抬高").locator("input")).toBeChecked();
  await expect(option(MULTIPLE, "PR 间期缩短").locator("input")).toBeChecked();
  await expect(option(MULTIPLE, "病理性 Q 波").locator("input")).not.toBeChecked();
  await expect(option(TRUE_FALSE, "正确").locator("input")).toBeChecked();

  await question(FILL_IN).getByTestId("attempt-blank").fill("0.12");
  await saved(FILL_IN);
  await expect(student.getByTestId("attempt-progress")).toContainText("已答 4/4");
  student.once("dialog", (dialog) => void dialog.accept());
  await student.getByTestId("attempt-submit").click();
  await student.waitForURL(new RegExp(`/student/quizzes/${quizId}$`));
  await expect(student.getByTestId("quiz-result")).toHaveText("3 / 4");

  // ── Review straight away: right answers and explanations ──
  await student.getByTestId("quiz-review-link").click();
  await student.waitForURL(/\/review\/\w+$/);
  await expect(student.getByTestId("review-score")).toHaveText("3 / 4");
  const reviewed = (row: Row) => student.getByTestId("review-question").filter({ hasText: row.stem });
  await expect(reviewed(MULTIPLE)).toHaveAttribute("data-verdict", "wrong");
  await expect(reviewed(MULTIPLE)).toContainText(MULTIPLE.explanation);
  await expect(reviewed(MULTIPLE).locator("li").filter({ hasText: "病理性 Q 波" })).toContainText("✓");
  await expect(reviewed(MULTIPLE).locator("li").filter({ hasText: "PR 间期缩短" })).toContainText("你的选择");
  for (const row of [SINGLE, TRUE_FALSE, FILL_IN]) {
    await expect(reviewed(row)).toHaveAttribute("data-verdict", "right");
    await expect(reviewed(row)).toContainText(row.explanation);
  }
  await expect(reviewed(FILL_IN)).toContainText("0.12 / 0.11");
  await expectNoHorizontalScroll(student);

  // ── The wrong answer is in the mistake book (back tomorrow: Leitner box 1) ──
  await student.goto("/student/mistakes");
  await student.getByTestId("mistake-filter-all").click();
  await student.waitForURL(/filter=all/);
  const mistake = student.getByTestId("mistake-item").filter({ hasText: MULTIPLE.stem });
  await expect(mistake).toBeVisible();
  await expect(mistake).toContainText("错 1 次");
  await expect(student.getByTestId("mistake-item").filter({ hasText: SINGLE.stem })).toHaveCount(0);
  await expectNoHorizontalScroll(student);

  // ── Late homework: due the day before yesterday at 23:59, 10 %/day up to 50 % ──
  await teacher.goto(`${courseUrl}/homework`);
  await teacher.getByTestId("homework-item").filter({ hasText: "病例分析：胸痛待查" }).click();
  await teacher.waitForURL(/\/homework\/\w+$/);
  const homeworkUrl = teacher.url();
  const homeworkId = homeworkUrl.match(/homework\/(\w+)$/)![1];
  const studentRow = teacher.locator(`[data-testid="submission-row"][data-student="${ACCOUNTS.student}"]`);
  await expect(studentRow.getByTestId("submission-open")).toHaveCount(0);

  await student.goto(`/student/homework/${homeworkId}`);
  await expect(student.getByTestId("homework-deadline")).toHaveAttribute("data-overdue", "true");
  await expect(student.getByTestId("submission-overdue")).toBeVisible();
  await student.getByTestId("submission-text").fill("**诊断**：急性冠脉综合征，急性心肌梗死可能性大。鉴别：主动脉夹层、肺栓塞、气胸。");
  await student.getByTestId("submission-submit").click();
  await expect(student.getByRole("status").filter({ hasText: "已提交" })).toBeVisible();
  await expect(student.getByTestId("submission-info")).toContainText("迟交 1 天");
  await expectNoHorizontalScroll(student);

  // The demo homework's grades are out already: withdraw them, grade, and release again.
  await teacher.reload();
  await teacher.getByTestId("homework-release").click();
  await expect(teacher.getByRole("status").filter({ hasText: "成绩已收回" })).toBeVisible();
  await studentRow.getByTestId("submission-open").click();
  await teacher.waitForURL(/\/submissions\/\w+$/);
  await teacher.getByTestId("grading-level-0-0").click(); // 病史归纳 优秀 30
  await teacher.getByTestId("grading-level-1-1").click(); // 诊断与鉴别诊断 良好 30
  await teacher.getByTestId("grading-level-2-0").click(); // 进一步检查与处理 优秀 30
  // Submitted between one and two days late: two started days, 20 % of 100. (Only at 23:59 would it be three.)
  await expect(teacher.getByTestId("grading-summary")).toContainText("90");
  await expect(teacher.getByTestId("grading-deduction")).toHaveText("−20");
  await expect(teacher.getByTestId("grading-final")).toHaveText("70");
  await teacher.getByTestId("grading-feedback").fill("诊断正确，鉴别诊断可再补充急性心包炎。");
  await teacher.getByTestId("grading-save").click();
  await expect(teacher.getByRole("status").filter({ hasText: "已保存批改" })).toBeVisible();

  await student.reload();
  await expect(student.getByTestId("submission-info")).toBeVisible();
  await expect(student.getByTestId("student-grade")).toHaveCount(0);

  await teacher.goto(homeworkUrl);
  await expect(studentRow.getByTestId("submission-score")).toContainText("70");
  await teacher.getByTestId("homework-release").click();
  await expect(teacher.getByRole("status").filter({ hasText: "成绩已发布" })).toBeVisible();

  await student.reload();
  await expect(student.getByTestId("student-score")).toHaveText("70");
  await expect(student.getByTestId("student-grade")).toContainText("70 / 100");
  await expect(student.getByTestId("student-deduction")).toHaveText("原始得分 90，迟交扣 20 分");
  await expect(student.getByTestId("student-grade")).toContainText("鉴别诊断可再补充急性心包炎");
  await expectNoHorizontalScroll(student);
  await student.context().close();
});
