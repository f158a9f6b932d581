import { type ComponentProps, createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import { AttemptRunner } from "@/components/quiz/attempt-runner";
import { MarkingForm } from "@/components/quiz/marking-form";
import { QuizItemsEditor } from "@/components/quiz/quiz-items-editor";
import { QuizPublishControls } from "@/components/quiz/quiz-publish-controls";
import { QuizSettingsForm } from "@/components/quiz/quiz-settings-form";
import { StartAttemptButton } from "@/components/quiz/start-attempt-button";
import { LOCALES, TIME_ZONE } from "@/i18n/config";
import { loadMessages } from "@/i18n/messages";
import type { StudentQuestionView } from "./student-views";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined, replace: () => undefined }) }));

const XSS = '<img src=x onerror="alert(1)"> [x](javascript:alert(1))';

const base = { points: 1, blanks: 0, vignette: null, caseId: null, response: null, confidence: null, saved: false };
const QUESTIONS: StudentQuestionView[] = [
  {
    ...base,
    questionId: "q1",
    position: 0,
    type: "SINGLE",
    stem: `单选 ${XSS}`,
    options: [
      { key: "C", text: "主动脉瓣狭窄" },
      { key: "A", text: `二尖瓣狭窄 ${XSS}` },
    ],
    vignette: `病例 ${XSS}`,
    caseId: "case1",
    response: ["A"],
    saved: true,
  },
  { ...base, questionId: "q2", position: 1, type: "MULTIPLE", stem: "多选", options: [{ key: "A", text: "甲" }, { key: "B", text: "乙" }], points: 2.5 },
  { ...base, questionId: "q3", position: 2, type: "TRUE_FALSE", stem: "判断", options: [] },
  { ...base, questionId: "q4", position: 3, type: "FILL_IN", stem: "填空 ____ 和 ____", options: [], blanks: 2, response: ["心尖"] },
  { ...base, questionId: "q5", position: 4, type: "SHORT_ANSWER", stem: "简答", options: [] },
];

async function render(locale: (typeof LOCALES)[number], element: ReturnType<typeof createElement>) {
  const props: ComponentProps<typeof NextIntlClientProvider> = {
    locale,
    timeZone: TIME_ZONE,
    messages: await loadMessages(locale),
    // A missing message or a broken ICU pattern fails the test instead of printing the key.
    onError: (error) => {
      throw error;
    },
    children: element,
  };
  return renderToStaticMarkup(createElement(NextIntlClientProvider, props));
}

const VALUES = {
  title: "心音测验",
  description: "",
  lessonId: "",
  assessmentItemId: "",
  opensAt: "",
  closesAt: "2030-01-01T08:00",
  timeLimitMinutes: 20,
  attemptsAllowed: 2,
  scoring: "HIGHEST" as const,
  shuffleQuestions: true,
  shuffleOptions: false,
  review: "AFTER_CLOSE" as const,
  confidenceMarking: true,
  passPercent: 60,
};

describe.each(LOCALES)("quiz components (%s)", (locale) => {
  it("renders the attempt: every type, the vignette, positional labels, confidence, inert Markdown", async () => {
    const html = await render(
      locale,
      createElement(AttemptRunner, {
        quizId: "quiz1",
        attemptId: "a1",
        title: "心音测验",
        confidenceMarking: true,
        deadlineAt: new Date(Date.now() + 600_000).toISOString(),
        serverNow: new Date().toISOString(),
        questions: QUESTIONS,
      }),
    );
    expect(html.match(/data-testid="attempt-question"/g)).toHaveLength(5);
    expect(html).toContain('data-testid="attempt-vignette"');
    expect(html).toContain('data-testid="attempt-countdown"');
    expect(html).toContain('data-testid="attempt-submit"');
    expect(html.match(/data-testid="attempt-blank"/g)).toHaveLength(2);
    expect(html).toContain('data-testid="attempt-text"');
    // Shown second, the bank's option A is labelled B on this paper.
    expect(html).toMatch(/B\.<\/span>二尖瓣狭窄/);
    // Confidence for the four auto-graded questions, not for the short answer.
    expect(html.match(/data-testid="attempt-confidence-3"/g)).toHaveLength(4);
    expect(html).not.toMatch(/<img|\son\w+="|href="javascript:/i);
  });

  it("renders the teacher's forms", async () => {
    const settings = await render(
      locale,
      createElement(QuizSettingsForm, { courseId: "c1", quizId: "quiz1", values: VALUES, options: { lessons: [{ id: "l1", title: "心脏检查" }], assessments: [] }, hasAttempts: true }),
    );
    expect(settings).toContain('data-testid="quiz-settings-save"');
    const items = await render(
      locale,
      createElement(QuizItemsEditor, {
        courseId: "c1",
        quizId: "quiz1",
        tags: ["系统:心血管"],
        locked: false,
        initialItems: [{ id: "q1", type: "SINGLE", stem: "单选", difficulty: 3, tags: ["系统:心血管"], inCase: true, fromCourse: "内科学", points: 2 }],
        initialDraws: [{ tag: "系统:心血管", difficulty: null, count: 3, points: 1, available: 7 }],
      }),
    );
    expect(items).toContain('data-testid="quiz-item"');
    expect(items).toContain('data-testid="quiz-draw"');
    expect(items).toContain('data-testid="bank-filter"');
    for (const published of [true, false]) {
      expect(await render(locale, createElement(QuizPublishControls, { quizId: "quiz1", published, attemptCount: 1 }))).toContain("quiz-");
    }
    expect(await render(locale, createElement(MarkingForm, { attemptQuestionId: "aq1", points: 5 }))).toContain('data-testid="marking-score"');
    expect(await render(locale, createElement(StartAttemptButton, { quizId: "quiz1", timeLimitMinutes: 20, label: "开始" }))).toContain('data-testid="quiz-start"');
  });
});
