import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectNoHorizontalScroll } from "./helpers";
import { DIAGNOSTICS, openStudentLesson, openTeacherLesson, signedIn } from "./lesson-helpers";

// The last 诊断学 lesson is weeks ahead and has no package in the demo, so this spec owns its whole loop.
const LESSON = "综合病例讨论";
const MATERIAL_HEADING = "课前阅读：发热伴咳嗽的诊断思路";
const CASE_TITLE = "发热、咳嗽 5 天的青年男性";
const STAGE_1 = "男，24 岁，发热伴咳嗽 5 天，最高体温 39.2℃，咳铁锈色痰。";
const STAGE_2 = "右下肺叩诊浊音，可闻及支气管呼吸音与湿啰音。";
const STAGE_2_FIXED = "右下肺叩诊浊音，语音震颤增强，可闻及支气管呼吸音与湿啰音。";
const QUESTION_1 = "根据主诉，你首先考虑哪些疾病？";
const ANSWER_1 = "首先考虑社区获得性肺炎，需与肺结核鉴别。";
const UNCLEAR = "支气管呼吸音和湿啰音在听诊时怎么区分还不清楚";
const QUESTIONS = "肺实变时为什么叩诊呈浊音？";
const TAG = "肺部听诊";
const ATTACHMENT = "社区获得性肺炎诊疗要点.pdf";
const PLAN_LINE = "- 课上播放支气管呼吸音与湿啰音的对比录音（10 分钟）";
const CHANGE_NOTE = "根据课前反馈，增加支气管呼吸音与湿啰音的听诊对比";

test("pre-class loop: teacher publishes, a student works the staged case and gives feedback, the plan changes because of it", async ({ browser }) => {
  test.setTimeout(180_000);

  // The teacher prepares the package on a desktop.
  const teacher = await signedIn(browser, ACCOUNTS.teacher);
  const t = teacher.page;
  const lessonId = await openTeacherLesson(t, DIAGNOSTICS.course, LESSON);
  await expect(t.getByTestId("package-status")).toHaveAttribute("data-status", "DRAFT");
  await expect(t.getByTestId("prep-objectives").locator("li")).toHaveCount(3);

  const material = `## ${MATERIAL_HEADING}\n\n1. 复习肺部叩诊与听诊\n2. 阅读教材第 3 篇第 4 章`;
  await t.getByTestId("prep-material").fill(material);
  // A real PDF, uploaded while the material is still unsaved: the page refresh after the upload must keep it.
  const chooser = t.waitForEvent("filechooser");
  await t.getByTestId("attachment-upload").click();
  await (await chooser).setFiles({ name: ATTACHMENT, mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n") });
  await expect(t.getByTestId("attachment-item")).toHaveText(new RegExp(ATTACHMENT));
  await expect(t.getByTestId("prep-material")).toHaveValue(material);
  await t.getByTestId("case-include").check();
  const editor = t.getByTestId("case-editor");
  await editor.getByTestId("case-title").fill(CASE_TITLE);
  // Four stages by default; this case needs two.
  await editor.getByRole("button", { name: "删除阶段 4" }).click();
  await editor.getByRole("button", { name: "删除阶段 3" }).click();
  const stages = editor.getByTestId("case-stage");
  await expect(stages).toHaveCount(2);
  await stages.nth(0).getByTestId("case-stage-content").fill(STAGE_1);
  await stages.nth(0).getByTestId("case-stage-question").fill(QUESTION_1);
  await stages.nth(1).getByTestId("case-stage-content").fill(STAGE_2);
  await editor.getByTestId("deidentified-checkbox").check();
  await t.getByTestId("prep-save").click();
  await expect(t.getByTestId("prep-form").getByRole("status").filter({ hasText: "已保存。" })).toBeVisible();

  await expect(t.getByText("病例尚未确认去标识化")).toHaveCount(0);
  await t.getByTestId("publish-button").click();
  await expect(t.getByTestId("publish-form").getByRole("status")).toHaveText("已发布。");
  await expect(t.getByTestId("package-status")).toHaveAttribute("data-status", "PUBLISHED");

  // A student on the phone, from the course intro.
  const student = await signedIn(browser, ACCOUNTS.student, { phone: true });
  const s = student.page;
  expect(await openStudentLesson(s, DIAGNOSTICS.course, LESSON)).toBe(lessonId);
  await s.getByTestId("tab-pre").click();
  await expect(s).toHaveURL(new RegExp(`/student/lessons/${lessonId}/pre$`));
  await expect(s.getByTestId("preclass-state")).toHaveAttribute("data-state", "open");
  await expect(s.getByTestId("student-material").getByRole("heading", { name: MATERIAL_HEADING })).toBeVisible();
  const attachment = s.getByTestId("student-attachments").getByRole("link", { name: new RegExp(ATTACHMENT) });
  const attachmentUrl = await attachment.getAttribute("href");
  const pdf = await s.request.get(attachmentUrl!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await expect(s.getByRole("heading", { name: new RegExp(CASE_TITLE) })).toBeVisible();
  await expect(s.getByTestId("case-stage-view")).toHaveCount(1);
  await expect(s.getByTestId("case-stage-view").first()).toContainText(STAGE_1);
  // The later stage never left the server.
  expect(await s.content()).not.toContain(STAGE_2);
  await expect(s.getByTestId("case-progress")).toContainText("还有 1 个阶段");

  await s.getByLabel(QUESTION_1).fill(ANSWER_1);
  await s.getByTestId("stage-answer-submit").click();
  await expect(s.getByTestId("case-stage-view")).toHaveCount(2);
  await expect(s.getByTestId("case-stage-view").nth(1)).toContainText(STAGE_2);
  await expect(s.getByTestId("case-progress")).toHaveText("你已看完全部阶段。");

  const form = s.getByTestId("feedback-form");
  await form.getByTestId("confidence-0-4").click();
  await form.getByTestId("confidence-1-2").click();
  await form.getByTestId("confidence-2-3").click();
  await form.getByLabel("还有哪些不清楚").fill(UNCLEAR);
  await form.getByLabel("想问老师的问题").fill(QUESTIONS);
  await form.getByTestId("feedback-submit").click();
  await expect(form.getByTestId("feedback-saved")).toBeVisible();
  await expect(form.getByTestId("feedback-submit")).toBeEnabled();
  await expect(form.getByTestId("feedback-submit")).toHaveText("更新反馈");
  await expectNoHorizontalScroll(s);
  await s.screenshot({ path: "test-results/lesson-pre-375.png", fullPage: true });

  // The teacher reads the summary.
  await t.getByTestId("tab-feedback").click();
  await expect(t).toHaveURL(new RegExp(`/teacher/lessons/${lessonId}/feedback$`));
  await expect(t.getByTestId("response-rate")).toContainText(/1 \/ \d+ 名学生已提交/);
  // One rating per objective: 4, 2 and 3 are the means.
  const means = t.getByTestId("confidence-row").locator("td:last-child");
  await expect(means).toHaveText(["4.0", "2.0", "3.0"]);
  const item = t.getByTestId("feedback-item").filter({ hasText: UNCLEAR });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("陈思远");
  await expect(item).toContainText(QUESTIONS);
  await item.getByTestId("tag-input").fill(TAG);
  await item.getByTestId("tag-add").click();
  await expect(item.getByTestId("feedback-tag")).toHaveText(TAG);
  await expect(t.getByTestId("tag-filter-option")).toHaveText(`${TAG} (1)`);
  await expect(t.getByTestId("case-stage-answers")).toContainText("1 份作答");
  await t.screenshot({ path: "test-results/lesson-feedback-summary.png", fullPage: true });

  // A typo fixed in a stage after students answered keeps their answers.
  await t.getByTestId("tab-prep").click();
  const savedStages = t.getByTestId("case-editor").getByTestId("case-stage");
  await expect(savedStages.nth(0)).toContainText("1 人已作答");
  await savedStages.nth(1).getByTestId("case-stage-content").fill(STAGE_2_FIXED);
  await t.getByTestId("prep-save").click();
  await expect(t.getByTestId("prep-form").getByRole("status").filter({ hasText: "已保存。" })).toBeVisible();
  await t.reload();
  await expect(t.getByTestId("case-editor").getByTestId("case-stage")).toHaveCount(2);
  await expect(t.getByTestId("case-editor").getByTestId("case-stage").nth(0)).toContainText("1 人已作答");
  await expect(t.getByTestId("package-status")).toHaveAttribute("data-status", "PUBLISHED");

  // 教案: a first version, then a revision caused by the student's feedback.
  await t.getByTestId("tab-plan").click();
  await t.getByTestId("plan-new-version").click();
  await expect(t).toHaveURL(new RegExp(`/teacher/lessons/${lessonId}/plan/new$`));
  await t.getByTestId("plan-change-note").fill("初版教案");
  await t.getByTestId("plan-save").click();
  await expect(t).toHaveURL(new RegExp(`/teacher/lessons/${lessonId}/plan$`));
  await expect(t.getByText("当前教案 · 第 1 版")).toBeVisible();

  await t.getByTestId("plan-new-version").click();
  await expect(t.getByText("在第 1 版的基础上修改。")).toBeVisible();
  const content = t.getByTestId("plan-editor");
  await content.fill(`${await content.inputValue()}\n${PLAN_LINE}\n`);
  await t.getByTestId("plan-change-note").fill(CHANGE_NOTE);
  const cause = t.getByTestId("plan-cause-feedback").filter({ hasText: UNCLEAR });
  await expect(cause).toContainText(TAG);
  await cause.getByRole("checkbox").check();
  await t.getByTestId("plan-save").click();
  await expect(t).toHaveURL(new RegExp(`/teacher/lessons/${lessonId}/plan$`));
  await expect(t.getByText("当前教案 · 第 2 版")).toBeVisible();
  await expect(t.getByTestId("plan-current")).toContainText(CHANGE_NOTE);
  const diff = t.getByTestId("plan-diff");
  await expect(diff).toContainText(/新增 \d+ 行，删除 0 行/);
  await expect(diff.locator('[data-diff="added"]').filter({ hasText: PLAN_LINE.slice(2) })).toHaveCount(1);
  await expect(diff.locator('[data-diff="removed"]')).toHaveCount(0);
  await t.screenshot({ path: "test-results/lesson-plan-diff.png", fullPage: true });

  // The student sees the corrected stage and what changed because of their feedback.
  await s.reload();
  await expect(s.getByTestId("case-stage-view").nth(1)).toContainText(STAGE_2_FIXED);
  await expect(s.getByTestId("case-stage-view").nth(0)).toContainText("已回答");
  const banner = s.getByTestId("plan-changes-banner");
  await expect(banner).toContainText("老师根据课前反馈调整了本次课（1 处）");
  await expect(banner.getByTestId("your-feedback-helped")).toBeVisible();
  await banner.click();
  await expect(s).toHaveURL(new RegExp(`/student/lessons/${lessonId}/changes$`));
  const change = s.getByTestId("plan-change");
  await expect(change).toHaveCount(1);
  await expect(change).toContainText(CHANGE_NOTE);
  await expect(change.getByTestId("your-feedback-helped")).toHaveText(/你的反馈促成了这次调整/);
  await expectNoHorizontalScroll(s);
  await s.screenshot({ path: "test-results/lesson-changes-375.png", fullPage: true });

  await student.context.close();
  await teacher.context.close();

  // Attachments go only to course members.
  const outsider = await signedIn(browser, ACCOUNTS.student3, { phone: true });
  expect((await outsider.page.request.get(attachmentUrl!)).status()).toBe(404);
  await outsider.context.close();
});

test("a student outside the course gets 404 for the lesson's pre-class page", async ({ browser }) => {
  const member = await signedIn(browser, ACCOUNTS.student, { phone: true });
  const lessonId = await openStudentLesson(member.page, DIAGNOSTICS.course, "病历书写规范");
  await member.context.close();

  // Class 3 does not take 诊断学.
  const outsider = await signedIn(browser, ACCOUNTS.student3, { phone: true });
  const response = await outsider.page.goto(`/student/lessons/${lessonId}/pre`);
  expect(response?.status()).toBe(404);
  await expect(outsider.page.getByText("病历书写规范")).toHaveCount(0);
  await outsider.context.close();
});

test("an attachment that only pretends to be a PDF is refused with a clear message", async ({ browser }) => {
  const { context, page } = await signedIn(browser, ACCOUNTS.teacher);
  await openTeacherLesson(page, DIAGNOSTICS.course, "心电图基础");
  await expect(page.getByText("还没有附件。")).toBeVisible();
  const chooser = page.waitForEvent("filechooser");
  await page.getByTestId("attachment-upload").click();
  await (await chooser).setFiles({
    name: "心电图讲义.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("MZ\x90\x00 this is an executable, not a PDF"),
  });
  await expect(page.getByRole("alert").filter({ hasText: "只能上传 PDF、PNG、JPEG 或 WebP 文件，且文件内容须与扩展名一致。" })).toBeVisible();
  await page.reload();
  await expect(page.getByText("还没有附件。")).toBeVisible();
  await expect(page.getByTestId("attachment-item")).toHaveCount(0);
  await context.close();
});
