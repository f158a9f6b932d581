import { type ComponentProps, type FunctionComponent, createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import { AnswerFeedback } from "@/components/practice/answer-feedback";
import { QuestionRunner } from "@/components/practice/question-runner";
import { LOCALES, TIME_ZONE } from "@/i18n/config";
import { loadMessages } from "@/i18n/messages";
import type { PracticeQuestionView } from "./question-view";
import type { PracticeFeedback } from "./save-practice-answer";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined }) }));

const XSS = '<img src=x onerror="alert(1)"> [x](javascript:alert(1))';

const QUESTIONS: PracticeQuestionView[] = [
  { id: "q1", type: "SINGLE", stem: `单选 ${XSS}`, options: [{ key: "A", text: "二尖瓣狭窄" }, { key: "B", text: `主动脉瓣 ${XSS}` }], blankCount: 0, tags: ["系统:心血管"], difficulty: 3, vignette: `病例 ${XSS}` },
  { id: "q2", type: "MULTIPLE", stem: "多选", options: [{ key: "A", text: "甲" }, { key: "B", text: "乙" }, { key: "C", text: "丙" }], blankCount: 0, tags: [], difficulty: 2, vignette: null },
  { id: "q3", type: "TRUE_FALSE", stem: "判断", options: [], blankCount: 0, tags: [], difficulty: 1, vignette: null },
  { id: "q4", type: "FILL_IN", stem: "填空 ____ 和 ____", options: [], blankCount: 2, tags: [], difficulty: 4, vignette: null },
];

const FEEDBACK: Record<PracticeQuestionView["type"], PracticeFeedback> = {
  SINGLE: { questionId: "q1", correct: false, fraction: 0, answer: ["B"], explanation: `解析 ${XSS}`, mistake: { box: 1, dueAt: new Date("2026-09-10T16:00:00Z"), masteredAt: null }, streakAwarded: true },
  MULTIPLE: { questionId: "q2", correct: false, fraction: 0.5, answer: ["A", "C"], explanation: "", mistake: null, streakAwarded: false },
  TRUE_FALSE: { questionId: "q3", correct: true, fraction: 1, answer: [false], explanation: "**对**", mistake: { box: 5, dueAt: new Date(), masteredAt: new Date() }, streakAwarded: false },
  FILL_IN: { questionId: "q4", correct: true, fraction: 1, answer: [["心尖", "apex"], ["舒张"]], explanation: "", mistake: { box: 3, dueAt: new Date("2026-09-13T16:00:00Z"), masteredAt: null }, streakAwarded: false },
};

// Typed with children optional, so that they can go in createElement's third argument.
const IntlProvider = NextIntlClientProvider as FunctionComponent<Omit<ComponentProps<typeof NextIntlClientProvider>, "children">>;

async function render(locale: (typeof LOCALES)[number], element: ReturnType<typeof createElement>) {
  const messages = await loadMessages(locale);
  return renderToStaticMarkup(
    createElement(IntlProvider, {
      locale,
      timeZone: TIME_ZONE,
      messages,
      // A missing message or a broken ICU pattern fails the test instead of printing the key.
      onError: (error) => {
        throw error;
      },
    }, element),
  );
}

describe.each(LOCALES)("practice components (%s)", (locale) => {
  it.each(QUESTIONS)("renders a $type question with its controls, inert Markdown and no answer", async (question) => {
    const html = await render(locale, createElement(QuestionRunner, { question, target: { kind: "practice", courseId: "c1" } }));
    expect(html).toContain('data-testid="practice-question"');
    expect(html).toContain('data-testid="practice-submit"');
    expect(html).not.toContain("practice-feedback");
    expect(html).not.toMatch(/<img|\son\w+="|href="javascript:/i);
    if (question.type === "SINGLE") expect(html).toContain('data-testid="practice-option-B"');
    if (question.type === "TRUE_FALSE") expect(html).toContain('data-testid="practice-tf-false"');
    if (question.type === "FILL_IN") expect(html).toContain('data-testid="practice-blank-1"');
  });

  it.each(QUESTIONS)("shows the feedback of a $type question: verdict, right answer, explanation, book", async (question) => {
    const html = await render(locale, createElement(AnswerFeedback, { question, feedback: FEEDBACK[question.type] }));
    const feedback = FEEDBACK[question.type];
    expect(html).toContain(`data-correct="${feedback.correct}"`);
    expect(html).not.toMatch(/<img|\son\w+="|href="javascript:/i);
    if (question.type === "MULTIPLE") expect(html).toContain("A、C");
    if (question.type === "FILL_IN") expect(html).toContain("心尖 / apex");
    if (question.type === "SINGLE") {
      expect(html).toContain('data-testid="practice-streak"');
      expect(html).toContain('data-testid="practice-mistake-status"');
    }
    if (question.type === "TRUE_FALSE") expect(html).toContain("<strong>");
  });
});
