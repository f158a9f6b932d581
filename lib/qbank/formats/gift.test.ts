import { describe, expect, it } from "vitest";
import { checkDrafts } from "./check-drafts";
import { parseGift } from "./gift";

const VALID = `// 诊断学 · 心脏检查
// [tag:学科:诊断学]
::Q1:: 二尖瓣狭窄最具特征性的体征是 {
  =心尖区舒张期隆隆样杂音 # 对，这是特征性体征
  ~心尖区收缩期吹风样杂音
  ~胸骨左缘第3肋间舒张期叹气样杂音
  ####二尖瓣狭窄时左房血液在舒张期流入左室受阻。
}

$CATEGORY: $course$/top/系统:心血管

::Q2:: 可闻及第三心音的是 {~%50%健康儿童 ~%50%心力衰竭 ~%-100%二尖瓣狭窄}

正常成人呼吸频率为 12–20 次/分。{T}

肺下界移动度正常为 2–3 cm。{FALSE#正常为 6–8 cm}

心尖区舒张期隆隆样杂音提示 {=二尖瓣 =mitral} 狭窄。

简述问诊的主要内容。{}

::转义:: 比值 1\\:2 \\= 一半，符号 \\~ \\# \\{ \\} 和换行\\n第二行 {=答案\\=1 ~错误\\~2}

::【病例1】::患者男，58岁，持续性胸骨后压榨样疼痛 2 小时。

::【病例1】 1:: 最可能的诊断是 {=急性心肌梗死 ~主动脉夹层}

::【病例1】 2:: 首选的检查是 {=心电图 ~胸片}

[html]<p>肝脏触诊时 <b>深吸气</b> &amp; 呼气</p> {=配合呼吸 ~屏气}
`;

describe("GIFT import", () => {
  it("reads choice, weighted multiple, true/false, short answer, essay, escapes, categories, tags and case sets", () => {
    const parsed = parseGift(VALID);
    expect(parsed.errors).toEqual([]);
    const { questions, cases, errors } = checkDrafts(parsed.drafts);
    expect(errors).toEqual([]);
    expect(questions.map((q) => [q.at, q.data.type])).toEqual([
      [3, "SINGLE"],
      [12, "MULTIPLE"],
      [14, "TRUE_FALSE"],
      [16, "TRUE_FALSE"],
      [18, "FILL_IN"],
      [20, "SHORT_ANSWER"],
      [22, "SINGLE"],
      [26, "SINGLE"],
      [28, "SINGLE"],
      [30, "SINGLE"],
    ]);
    const [single, multiple, tf, tf2, fill, essay, escaped, case1, , html] = questions.map((q) => q.data);
    expect(single).toMatchObject({
      stem: "二尖瓣狭窄最具特征性的体征是",
      options: [
        { key: "A", text: "心尖区舒张期隆隆样杂音" },
        { key: "B", text: "心尖区收缩期吹风样杂音" },
        { key: "C", text: "胸骨左缘第3肋间舒张期叹气样杂音" },
      ],
      answer: ["A"],
      explanation: "二尖瓣狭窄时左房血液在舒张期流入左室受阻。\n\n- A：对，这是特征性体征",
      tags: ["学科:诊断学"],
    });
    expect(multiple).toMatchObject({ answer: ["A", "B"], partialCredit: "RIGHT_MINUS_WRONG", tags: ["系统:心血管"] });
    expect([tf.answer, tf2.answer]).toEqual([[true], [false]]);
    expect(fill).toMatchObject({ stem: "心尖区舒张期隆隆样杂音提示 ____ 狭窄。", answer: [["二尖瓣", "mitral"]] });
    expect(essay).toMatchObject({ type: "SHORT_ANSWER", stem: "简述问诊的主要内容。" });
    expect(escaped).toMatchObject({
      stem: "比值 1:2 = 一半，符号 ~ # { } 和换行\n第二行",
      options: [
        { key: "A", text: "答案=1" },
        { key: "B", text: "错误~2" },
      ],
    });
    expect(case1.stem).toBe("最可能的诊断是");
    expect(questions[7].caseKey).toBe("病例1");
    expect(questions[8].caseKey).toBe("病例1");
    expect(cases).toEqual([{ key: "病例1", vignette: "患者男，58岁，持续性胸骨后压榨样疼痛 2 小时。" }]);
    expect(html).toMatchObject({ stem: "肝脏触诊时 **深吸气** & 呼气" });
  });

  it.each([
    ["an unclosed answer block", "第一题 {=a ~b\n\n第二题 {T}", { at: 1, field: "answer", code: "syntax" }],
    ["a stray closing brace", "题干 } 没有答案", { at: 1, field: "question", code: "syntax" }],
    ["an unclosed title", "::标题 题干 {T}", { at: 1, field: "question", code: "syntax" }],
    ["a matching question", "配对 {=心脏 -> 循环 =肺 -> 呼吸}", { at: 1, field: "type", code: "type_unsupported" }],
    ["a numerical question", "1+1 = {#2}", { at: 1, field: "type", code: "type_unsupported" }],
    ["a description without a case key", "这是一段说明", { at: 1, field: "question", code: "description_unsupported" }],
    ["a partly-right short answer", "二尖瓣 {=二尖瓣 =%50%三尖瓣}", { at: 1, field: "answer", code: "answer_partial_unsupported" }],
    ["a choice without a right answer", "题 {~a ~b}", { at: 1, field: "answer", code: "answer_required" }],
    ["seven options", "题 {=a ~b ~c ~d ~e ~f ~g}", { at: 1, field: "options", code: "options_too_many" }],
    ["answer text without = or ~", "题 {随便写}", { at: 1, field: "answer", code: "syntax" }],
    ["an image", "[html]<img src='@@PLUGINFILE@@/ecg.png'> 心电图 {T}", { at: 1, field: "question", code: "image_unsupported" }],
  ])("locates %s", (_case, text, error) => {
    const parsed = parseGift(`// 开头的注释\n\n${text}`);
    expect(parsed.errors).toEqual([{ ...error, at: error.at + 2 }]);
  });

  it("reports the line of the answer block in a question over several lines", () => {
    const parsed = parseGift("::Q:: 第一行\n第二行\n{=a\n~b");
    expect(parsed.errors).toEqual([{ at: 3, field: "answer", code: "syntax" }]);
  });

  it("keeps good questions and reports bad ones, and a missing vignette, separately", () => {
    const parsed = parseGift("好题 {T}\n\n坏题 {=a -> b}\n\n::【病例X】 1:: 无病例 {=a ~b}");
    expect(parsed.errors).toEqual([{ at: 3, field: "type", code: "type_unsupported" }]);
    const checked = checkDrafts(parsed.drafts);
    expect(checked.errors).toEqual([{ at: 5, field: "case", code: "case_undefined" }]);
  });
});
