import { describe, expect, it } from "vitest";
import { feedbackHasSubstance, homeworkHasSubstance, isMeaningful, normaliseText } from "./substance";

describe("normaliseText", () => {
  it.each([
    ["心音 分裂？", "心音分裂"],
    ["  S3 和 S4，怎么区分?! ", "s3和s4怎么区分"],
    ["ＡＢＣ１２３", "abc123"],
    ["。。。。。、、……", ""],
    ["——\n\t  ", ""],
    ["😀😀心音", "心音"],
  ])("%j → %j", (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });
});

describe("isMeaningful", () => {
  it.each([
    ["第二心音分裂的机制", true],
    ["S3和S4怎么区分", true],
    ["murmur grading", true],
    ["心音分裂", false], // 4 characters
    ["啊啊啊啊啊啊", false],
    ["111111", false],
    ["暂时没有什么问题", false],
    ["没有不明白的地方", false],
    ["目前没有疑问了", false],
    ["基本上都懂了谢谢老师", false],
    ["nothing unclear", false],
    ["I have no questions", false],
    ["no questions yet", false],
    ["无法理解心音分裂", true],
    ["没有理解第二心音分裂", true],
  ])("%j → %s", (text, expected) => {
    expect(isMeaningful(normaliseText(text))).toBe(expected);
  });
});

describe("feedbackHasSubstance", () => {
  const others = ["舒张期杂音怎么分级？", "第三心音是怎么产生的"];

  it.each([
    ["empty feedback", { unclear: "", questions: "" }, false],
    ["punctuation only", { unclear: "？？？？？？", questions: "……" }, false],
    ["too short", { unclear: "不懂", questions: "杂音" }, false],
    ["a stock nothing-answer", { unclear: "暂时没有问题", questions: "" }, false],
    ["own words in unclear", { unclear: "二尖瓣狭窄的杂音为什么在舒张期", questions: "" }, true],
    ["own words in questions", { unclear: "", questions: "奔马律一定是病理性的吗" }, true],
    ["a copy of a classmate", { unclear: "舒张期杂音怎么分级", questions: "" }, false],
    ["a copy with different punctuation and spaces", { unclear: "第三心音 是怎么 产生的？！", questions: "" }, false],
    ["a copy in one field, own words in the other", { unclear: "第三心音是怎么产生的", questions: "心包摩擦音如何与杂音鉴别" }, true],
  ] as const)("%s → %s", (_label, own, expected) => {
    expect(feedbackHasSubstance(own, others)).toBe(expected);
  });

  it("ignores classmates' empty texts", () => {
    expect(feedbackHasSubstance({ unclear: "心尖部收缩期杂音的意义", questions: "" }, ["", "  "])).toBe(true);
  });
});

describe("homeworkHasSubstance", () => {
  const others = ["患者胸痛2小时，考虑急性心肌梗死。", "心梗", ""];

  it.each([
    ["empty", { text: "", fileCount: 0 }, false],
    ["punctuation only", { text: "。", fileCount: 0 }, false],
    ["a stock nothing-answer", { text: "暂时没有问题", fileCount: 0 }, false],
    ["a file, whatever the text", { text: "。", fileCount: 1 }, true],
    ["own words", { text: "下壁心梗，右冠状动脉闭塞可能大", fileCount: 0 }, true],
    ["a classmate's text", { text: "患者胸痛 2 小时 考虑急性心肌梗死", fileCount: 0 }, false],
    ["a classmate's text with a few characters added", { text: "患者胸痛2小时，考虑急性心肌梗死。完毕", fileCount: 0 }, false],
    ["a classmate's text with something said added", { text: "患者胸痛2小时，考虑急性心肌梗死。需急诊冠脉造影", fileCount: 0 }, true],
    ["own words that contain a classmate's short text", { text: "心梗的诊断需要心电图和肌钙蛋白", fileCount: 0 }, true],
  ])("%s → %s", (_label, own, expected) => {
    expect(homeworkHasSubstance(own, others)).toBe(expected);
  });
});
