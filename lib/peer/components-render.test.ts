import { type ReactElement, createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import { AllocationPanel } from "@/components/peer/allocation-panel";
import { CalibrationForm, ReviewForm } from "@/components/peer/assessment-form";
import { ExamplesPanel } from "@/components/peer/examples-panel";
import { FlagForm } from "@/components/peer/flag-form";
import { GradesPanel } from "@/components/peer/grades-panel";
import { PhaseControls } from "@/components/peer/phase-controls";
import { ProgressPanel } from "@/components/peer/progress-panel";
import { QualityPanel } from "@/components/peer/quality-panel";
import { RubricView } from "@/components/peer/rubric-view";
import { SetupForm } from "@/components/peer/setup-form";
import { SubmitForm } from "@/components/peer/submit-form";
import { LOCALES } from "@/i18n/config";
import { CASE_RUBRIC } from "./test-fixtures";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => {}, refresh: () => {} }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const messagesOf = async (locale: string) =>
  Object.fromEntries(
    await Promise.all(
      ["peer", "common", "errors", "validation"].map(async (ns) => [ns, (await import(`@/messages/${locale}/${ns}.json`)).default] as const),
    ),
  );

const ELEMENTS: [string, ReactElement][] = [
  [
    "setup form",
    h(SetupForm, {
      courseId: "c",
      lessons: [{ id: "l", title: "心脏检查" }],
      assessmentItems: [],
      rubricLocked: true,
      anonymityLocked: true,
      values: {
        activityId: "a",
        title: "互评",
        instructions: "**说明**",
        lessonId: "l",
        assessmentItemId: "",
        autoSwitch: true,
        submissionOpensAt: "2030-03-01T08:00",
        submissionClosesAt: "",
        assessmentClosesAt: "",
        reviewsPerSubmission: 3,
        selfAssessment: true,
        excludeOwnGroup: true,
        anonymity: "REVIEWERS_ANONYMOUS",
        aggregation: "MEAN",
        submissionWeight: 80,
        rubric: CASE_RUBRIC,
        calibrationRequired: true,
        calibrationThreshold: 60,
        allowText: true,
        allowFiles: true,
        fileTypes: ["pdf"],
        maxFiles: 3,
      },
    }),
  ],
  ["examples", h(ExamplesPanel, { activityId: "a", rubric: CASE_RUBRIC, editable: true, examples: [{ id: "e", text: "示例", reference: null, calibrations: 2 }] })],
  [
    "allocation",
    h(AllocationPanel, {
      activityId: "a",
      canManage: true,
      canAllocate: true,
      report: { seed: 1, at: "2030-03-01T00:00:00.000Z", k: 3, created: 2, shortfall: [{ submissionId: "s", late: false, got: 2, wanted: 3, eligible: 2 }] },
      students: [{ id: "u", name: "甲", no: "1" }],
      submissions: [{ id: "s", authorName: "乙", authorNo: "2", late: true, assessments: [{ id: "x", reviewerId: "u", alias: "A", kind: "PEER", manual: true, submittedAt: null }] }],
    }),
  ],
  [
    "grades",
    h(GradesPanel, {
      activityId: "a",
      submissionWeight: 80,
      canGrade: true,
      canRelease: true,
      gradable: true,
      released: false,
      rows: [
        { id: "u", name: "甲", no: "1", groupName: "第1组", submissionId: "s", peerGrade: 70, submissionGrade: 90, overridden: true, overrideNote: "复核", flags: ["missing_reviews", "no_reviews", "teacher_grade"], reviewingGrade: 80, activityGrade: 88 },
      ],
    }),
  ],
  [
    "quality",
    h(QualityPanel, {
      canResolve: true,
      disagreements: [{ assessmentId: "x", authorName: "甲", reviewerName: "乙", alias: "A", distance: 0.5, score: 20 }],
      flags: [{ assessmentId: "x", authorName: "甲", reviewerName: "乙", alias: "A", reason: "不公正", resolvedAt: null }],
    }),
  ],
  [
    "progress",
    h(ProgressPanel, { activityId: "a", canRemind: true, calibrationRequired: true, rows: [{ id: "u", name: "甲", no: "1", submitted: false, reviewsAllocated: 2, reviewsDone: 1, selfPending: true, calibrationCloseness: null }] }),
  ],
  ["submit form", h(SubmitForm, { activityId: "a", allowText: true, allowFiles: true, fileTypes: ["pdf", "jpg"], maxFiles: 3, initialText: "", files: [{ id: "f", name: "a.pdf", size: 1000 }], replacing: true })],
  ["review form", h(ReviewForm, { assessmentId: "x", rubric: CASE_RUBRIC, initial: { levels: {}, comments: {} }, submitted: false })],
  ["calibration form", h(CalibrationForm, { exampleId: "e", rubric: CASE_RUBRIC })],
  ["flag form", h(FlagForm, { assessmentId: "x", alias: "A" })],
  ["phase controls", h(PhaseControls, { activityId: "a", phase: "SUBMISSION", hasSubmissions: false })],
  ["rubric view", h(RubricView, { rubric: CASE_RUBRIC, levels: { history: "h2" }, comments: { advice: "好" } })],
];

// Every peer component renders in both locales without a missing or broken message.
describe("peer components and messages", () => {
  it.each(LOCALES)("%s", async (locale) => {
    const messages = await messagesOf(locale);
    const problems: string[] = [];
    for (const [label, element] of ELEMENTS) {
      const onError = (error: Error) => void problems.push(`${label}: ${error.message}`);
      const html = renderToString(h(NextIntlClientProvider, { locale, timeZone: "Asia/Shanghai", messages, onError, children: element }));
      expect(html.length, label).toBeGreaterThan(50);
    }
    expect(problems).toEqual([]);
  });
});
