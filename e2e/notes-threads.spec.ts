import fs from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectNoHorizontalScroll } from "./helpers";
import { DIAGNOSTICS, openStudentLesson, openTeacherLesson, recordDialogs, signedIn } from "./lesson-helpers";

// Last week's 诊断学 lesson: it opens on 课后. Titles are unique to this spec so the shared database does not matter.
const LESSON = "腹部检查";

test("notes: XSS renders inert, a group note reaches the group only, notes export as Markdown", async ({ browser }) => {
  test.setTimeout(120_000);
  const author = await signedIn(browser, ACCOUNTS.student, { phone: true });
  const page = author.page;
  const dialogs = recordDialogs(page);
  const lessonId = await openStudentLesson(page, DIAGNOSTICS.course, LESSON);
  await expect(page).toHaveURL(new RegExp(`/student/lessons/${lessonId}/after$`));

  // The new-note form; each of the author's notes has its own edit form too.
  const form = page.getByRole("region", { name: "写笔记" }).getByTestId("note-form");
  await form.getByTestId("note-title").fill("腹部检查私人笔记");
  await form.getByTestId("note-body").fill("**视听叩触**的顺序\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))");
  await expect(form.getByTestId("note-visibility")).toHaveValue("PRIVATE");
  await form.getByTestId("note-save").click();
  await expect(form.getByRole("status")).toHaveText("笔记已保存。");

  const privateNote = page.getByTestId("note-item").filter({ hasText: "腹部检查私人笔记" });
  await expect(privateNote).toContainText("仅自己可见");
  await expect(privateNote.locator("strong")).toHaveText("视听叩触");
  await expect(privateNote.locator("img")).toHaveCount(0);
  await expect(privateNote.locator("[onerror]")).toHaveCount(0);
  const link = privateNote.getByText("x", { exact: true });
  const href = await link.getAttribute("href");
  expect(href ?? "").not.toMatch(/^\s*javascript:/i);
  await link.click();
  await page.reload();
  expect(dialogs).toEqual([]);

  await form.getByTestId("note-title").fill("腹部触诊要点（小组）");
  await form.getByTestId("note-body").fill("- 浅触诊：腹壁紧张度、压痛\n- 深触诊：肝脾触诊");
  await form.getByTestId("note-visibility").selectOption("GROUP");
  await expect(form.getByText("你所在小组（第1组）的同学和本课程老师可以看到。")).toBeVisible();
  await form.getByTestId("note-save").click();
  await expect(form.getByRole("status")).toHaveText("笔记已保存。");
  await expect(page.getByTestId("note-item").filter({ hasText: "腹部触诊要点（小组）" })).toContainText("小组可见");
  // The emptied form starts the next note private again, and says so.
  await expect(form.getByTestId("note-title")).toHaveValue("");
  await expect(form.getByTestId("note-visibility")).toHaveValue("PRIVATE");
  await expect(form.getByText("只有你自己能看到，老师也看不到。")).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: "test-results/lesson-after-notes-375.png", fullPage: true });

  // Export: one note, then all of the course's notes from 我的笔记.
  const single = page.waitForEvent("download");
  await page.getByTestId("note-item").filter({ hasText: "腹部触诊要点（小组）" }).getByTestId("note-export").click();
  const singleText = await fs.readFile(await (await single).path(), "utf8");
  expect(singleText).toContain('title: "腹部触诊要点（小组）"');
  expect(singleText).toContain("# 腹部触诊要点（小组）");
  expect(singleText).toContain("- 深触诊：肝脾触诊");

  await page.getByRole("link", { name: "我的全部笔记" }).click();
  await expect(page).toHaveURL(/\/student\/notes$/);
  await page.getByTestId("notes-course").selectOption({ label: DIAGNOSTICS.course });
  await page.getByTestId("notes-search-submit").click();
  await expect(page).toHaveURL(/courseId=/);
  const all = page.waitForEvent("download");
  await page.getByTestId("notes-export-course").click();
  const download = await all;
  expect(download.suggestedFilename()).toMatch(/\.md$/);
  const allText = await fs.readFile(await download.path(), "utf8");
  expect(allText).toContain('course: "MED2101 诊断学"');
  expect(allText).toContain("# 腹部检查私人笔记");
  expect(allText).toContain("# 腹部触诊要点（小组）");
  expect(dialogs).toEqual([]);
  await author.context.close();

  // A classmate in 第1组 sees the group note but not the private one.
  const mate = await signedIn(browser, DIAGNOSTICS.groupMate, { phone: true });
  await mate.page.goto(`/student/lessons/${lessonId}/after`);
  const shared = mate.page.getByTestId("note-item").filter({ hasText: "腹部触诊要点（小组）" });
  await expect(shared).toBeVisible();
  await expect(shared).toContainText("陈思远");
  await expect(mate.page.getByText("腹部检查私人笔记")).toHaveCount(0);
  await mate.context.close();

  // A classmate in 第2组 sees neither.
  const other = await signedIn(browser, DIAGNOSTICS.otherGroup, { phone: true });
  await other.page.goto(`/student/lessons/${lessonId}/after`);
  await expect(other.page.getByTestId("note-form")).toBeVisible();
  await expect(other.page.getByText("腹部触诊要点（小组）")).toHaveCount(0);
  await expect(other.page.getByText("腹部检查私人笔记")).toHaveCount(0);
  await other.context.close();
});

test("threads: a student asks, the teacher pins, answers and hides a reply; the student sees it all", async ({ browser }) => {
  test.setTimeout(120_000);
  const TITLE = "腹部叩诊移动性浊音怎么判断？";
  const OFF_TOPIC = "顺便问一下，期末考试考不考这个？";
  const ANSWER = "先仰卧位叩出浊音界，再侧卧位复叩：浊音区随体位移动即为阳性。";
  const GROUP_TITLE = "第2组：腹部触诊病例分析";

  const student = await signedIn(browser, ACCOUNTS.student, { phone: true });
  const s = student.page;
  const dialogs = recordDialogs(s);
  const lessonId = await openStudentLesson(s, DIAGNOSTICS.course, LESSON);
  const threadForm = s.getByTestId("thread-form");
  await threadForm.getByTestId("thread-title").fill(TITLE);
  await threadForm.getByTestId("thread-body").fill("腹水量多少时才能叩出来？<script>alert(1)</script>");
  await threadForm.getByTestId("thread-submit").click();
  await expect(threadForm.getByRole("status")).toHaveText("讨论已发布。");
  const item = s.getByTestId("thread-item").filter({ hasText: TITLE });
  await expect(item).toContainText("第 11 次课");
  await item.getByRole("link").click();
  await expect(s.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  const threadUrl = s.url();
  await s.getByTestId("reply-body").fill(OFF_TOPIC);
  await s.getByTestId("reply-submit").click();
  await expect(s.getByTestId("post-item").filter({ hasText: OFF_TOPIC })).toBeVisible();

  // The teacher, from the lesson's 课后 tab.
  const teacher = await signedIn(browser, ACCOUNTS.teacher);
  const t = teacher.page;
  expect(await openTeacherLesson(t, DIAGNOSTICS.course, LESSON)).toBe(lessonId);
  await t.getByTestId("tab-after").click();
  await t.getByTestId("thread-item").filter({ hasText: TITLE }).getByRole("link").click();
  const detail = t.getByTestId("thread-detail");
  await expect(detail).toHaveAttribute("data-pinned", "false");
  await detail.getByTestId("pin-button").click();
  await expect(detail).toHaveAttribute("data-pinned", "true");

  await t.getByTestId("reply-body").fill(ANSWER);
  await t.getByTestId("reply-submit").click();
  const answer = t.getByTestId("post-item").filter({ hasText: ANSWER });
  await expect(answer).toBeVisible();
  await answer.getByTestId("answer-button").click();
  await expect(answer).toHaveAttribute("data-answer", "true");
  const offTopic = t.getByTestId("post-item").filter({ hasText: OFF_TOPIC });
  await offTopic.getByTestId("hide-button").click();
  await expect(offTopic).toHaveAttribute("data-hidden", "true");

  // A thread for 第2组 only; the emptied form is back to course-wide, without the group picker.
  await t.goto(`/teacher/lessons/${lessonId}/after`);
  const teacherForm = t.getByTestId("thread-form");
  await teacherForm.getByTestId("thread-title").fill(GROUP_TITLE);
  await teacherForm.getByTestId("thread-body").fill("第2组请在周五前提交腹部触诊的分析。");
  await teacherForm.getByTestId("thread-scope").selectOption("GROUP");
  await teacherForm.getByTestId("thread-group").selectOption({ label: "第2组" });
  await teacherForm.getByTestId("thread-submit").click();
  await expect(teacherForm.getByRole("status")).toHaveText("讨论已发布。");
  await expect(t.getByTestId("thread-item").filter({ hasText: GROUP_TITLE })).toContainText("小组：第2组");
  await expect(teacherForm.getByTestId("thread-scope")).toHaveValue("COURSE");
  await expect(teacherForm.getByTestId("thread-group")).toHaveCount(0);
  await teacher.context.close();

  // The student sees the pin and the answer; the hidden reply is gone.
  await s.goto(threadUrl);
  await expect(s.getByTestId("thread-detail")).toHaveAttribute("data-pinned", "true");
  await expect(s.getByTestId("thread-detail")).toContainText("置顶");
  await expect(s.getByTestId("thread-detail")).toContainText("已解答");
  const answered = s.getByTestId("post-item").filter({ hasText: ANSWER });
  await expect(answered).toHaveAttribute("data-answer", "true");
  await expect(answered).toContainText("答案");
  await expect(answered).toContainText("李慧敏");
  await expect(s.getByText(OFF_TOPIC)).toHaveCount(0);
  await expect(s.getByTestId("post-item")).toHaveCount(1);
  await expect(s.getByTestId("thread-detail").locator("script")).toHaveCount(0);
  await expectNoHorizontalScroll(s);
  await s.screenshot({ path: "test-results/thread-answered-375.png", fullPage: true });

  await s.goto(`/student/lessons/${lessonId}/after`);
  await expect(s.getByTestId("thread-item").filter({ hasText: TITLE })).toHaveAttribute("data-pinned", "true");
  // 陈思远 is in 第1组.
  await expect(s.getByText(GROUP_TITLE)).toHaveCount(0);
  expect(dialogs).toEqual([]);
  await student.context.close();
});
