import { describe, expect, it } from "vitest";
import { checkDrafts } from "./check-drafts";
import { parseMoodleXml } from "./moodle-xml";

// Shaped like Moodle 4's own export: HTML in CDATA, entities outside it, a category, tags, feedback.
const VALID = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<!-- question: 0  -->
  <question type="category">
    <category><text>$course$/top/诊断学/心脏检查</text></category>
  </question>
<!-- question: 101  -->
  <question type="multichoice">
    <name><text>二尖瓣狭窄体征</text></name>
    <questiontext format="html">
      <text><![CDATA[<p dir="ltr">二尖瓣狭窄最具<strong>特征性</strong>的体征是&nbsp;<br>（单选）</p>]]></text>
    </questiontext>
    <generalfeedback format="html"><text><![CDATA[<p>舒张期隆隆样杂音。</p>]]></text></generalfeedback>
    <defaultgrade>1.0000000</defaultgrade>
    <single>true</single>
    <shuffleanswers>true</shuffleanswers>
    <answer fraction="100" format="html"><text><![CDATA[<p>心尖区舒张期隆隆样杂音</p>]]></text><feedback format="html"><text></text></feedback></answer>
    <answer fraction="0" format="html"><text>心尖区收缩期 &lt;3/6 级&gt; 杂音</text><feedback format="html"><text>这是二尖瓣关闭不全</text></feedback></answer>
    <tags><tag><text>系统:心血管</text></tag><tag><text>学科:诊断学</text></tag></tags>
  </question>
  <question type="multichoice">
    <name><text>第三心音</text></name>
    <questiontext format="moodle_auto_format"><text>可闻及第三心音的是</text></questiontext>
    <single>false</single>
    <answer fraction="50"><text>健康儿童</text></answer>
    <answer fraction="50"><text>心力衰竭</text></answer>
    <answer fraction="-100"><text>二尖瓣狭窄</text></answer>
  </question>
  <question type="truefalse">
    <name><text>呼吸频率</text></name>
    <questiontext format="html"><text>正常成人呼吸频率为 12&#8211;20 次/分。</text></questiontext>
    <answer fraction="100" format="moodle_auto_format"><text>true</text></answer>
    <answer fraction="0" format="moodle_auto_format"><text>false</text></answer>
  </question>
  <question type="shortanswer">
    <name><text>二尖瓣</text></name>
    <questiontext format="html"><text><![CDATA[<p>心尖区舒张期隆隆样杂音提示 ____ 狭窄</p>]]></text></questiontext>
    <usecase>1</usecase>
    <answer fraction="100"><text>二尖瓣</text></answer>
    <answer fraction="100"><text>Mitral</text></answer>
    <answer fraction="0"><text>三尖瓣</text></answer>
  </question>
  <question type="cloze">
    <name><text>多空</text></name>
    <questiontext format="html"><text><![CDATA[<p>{1:SHORTANSWER:=二尖瓣~=mitral#好} 狭窄时杂音在 {1:SA:%100%舒张期~%0%收缩期} 出现</p>]]></text></questiontext>
  </question>
  <question type="essay">
    <name><text>问诊</text></name>
    <questiontext format="markdown"><text>简述**问诊**的主要内容。</text></questiontext>
    <graderinfo format="html"><text><![CDATA[<p>主诉、现病史……</p>]]></text></graderinfo>
  </question>
  <question type="description">
    <name><text>【病例1】</text></name>
    <questiontext format="markdown"><text><![CDATA[患者男，58岁。胸痛 2 小时。]]></text></questiontext>
  </question>
  <question type="multichoice">
    <name><text>【病例1】 1</text></name>
    <questiontext format="markdown"><text>最可能的诊断是</text></questiontext>
    <single>true</single>
    <answer fraction="100"><text>急性心肌梗死</text></answer>
    <answer fraction="0"><text>主动脉夹层</text></answer>
  </question>
</quiz>
`;

describe("Moodle XML import", () => {
  it("reads multichoice, truefalse, shortanswer, cloze, essay, categories, tags, CDATA, entities and case sets", () => {
    const parsed = parseMoodleXml(VALID);
    expect(parsed.errors).toEqual([]);
    const { questions, cases, errors } = checkDrafts(parsed.drafts);
    expect(errors).toEqual([]);
    expect(questions.map((q) => [q.at, q.data.type])).toEqual([
      [8, "SINGLE"],
      [21, "MULTIPLE"],
      [29, "TRUE_FALSE"],
      [35, "FILL_IN"],
      [43, "FILL_IN"],
      [47, "SHORT_ANSWER"],
      [56, "SINGLE"],
    ]);
    const [single, multiple, tf, short, cloze, essay, inCase] = questions.map((q) => q.data);
    expect(single).toMatchObject({
      stem: "二尖瓣狭窄最具**特征性**的体征是\n（单选）",
      options: [
        { key: "A", text: "心尖区舒张期隆隆样杂音" },
        { key: "B", text: "心尖区收缩期 <3/6 级> 杂音" },
      ],
      answer: ["A"],
      explanation: "舒张期隆隆样杂音。\n\n- B：这是二尖瓣关闭不全",
      tags: ["诊断学/心脏检查", "系统:心血管", "学科:诊断学"],
    });
    expect(multiple).toMatchObject({ answer: ["A", "B"], partialCredit: "RIGHT_MINUS_WRONG" });
    expect(tf).toMatchObject({ stem: "正常成人呼吸频率为 12–20 次/分。", answer: [true] });
    expect(short).toMatchObject({ answer: [["二尖瓣", "Mitral"]], caseInsensitive: false });
    expect(cloze).toMatchObject({ stem: "____ 狭窄时杂音在 ____ 出现", answer: [["二尖瓣", "mitral"], ["舒张期"]] });
    expect(essay).toMatchObject({ stem: "简述**问诊**的主要内容。", referenceAnswer: "主诉、现病史……" });
    expect(inCase.stem).toBe("最可能的诊断是");
    expect(questions[6].caseKey).toBe("病例1");
    expect(cases).toEqual([{ key: "病例1", vignette: "患者男，58岁。胸痛 2 小时。" }]);
  });

  const wrap = (inner: string) => `<?xml version="1.0"?>\n<quiz>\n${inner}\n</quiz>`;
  const q = (type: string, body: string) => `<question type="${type}"><name><text>x</text></name><questiontext format="html"><text>题干</text></questiontext>${body}</question>`;

  it.each([
    ["a tag left open", "<quiz>\n<question type=\"truefalse\">\n<name><text>x</text></name>\n</quiz>", { at: 4, field: "file", code: "syntax" }],
    ["a DOCTYPE with entities", '<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY a "aaaa">]>\n<quiz></quiz>', { at: 2, field: "file", code: "doctype_not_allowed" }],
    ["another root element", '<?xml version="1.0"?>\n<questions></questions>', { at: 1, field: "file", code: "not_a_quiz" }],
    ["a matching question", wrap(q("matching", "<subquestion><text>a</text></subquestion>")), { at: 3, field: "type", code: "type_unsupported" }],
    ["an embedded image file", wrap('<question type="essay"><questiontext format="html"><text>看图</text><file name="a.png" path="/" encoding="base64">AAAA</file></questiontext></question>'), { at: 3, field: "question", code: "image_unsupported" }],
    ["an image in the text", wrap(`<question type="essay"><questiontext format="html"><text><![CDATA[<img src="@@PLUGINFILE@@/x.png">]]></text></questiontext></question>`), { at: 3, field: "question", code: "image_unsupported" }],
    ["a single choice without a full-mark answer", wrap(q("multichoice", '<single>true</single><answer fraction="50"><text>a</text></answer><answer fraction="0"><text>b</text></answer>')), { at: 3, field: "answer", code: "answer_partial_unsupported" }],
    ["a single choice with two right answers", wrap(q("multichoice", '<single>true</single><answer fraction="100"><text>a</text></answer><answer fraction="100"><text>b</text></answer>')), { at: 3, field: "answer", code: "answer_single_one" }],
    ["a true/false without a right answer", wrap(q("truefalse", '<answer fraction="0"><text>true</text></answer><answer fraction="0"><text>false</text></answer>')), { at: 3, field: "answer", code: "answer_invalid" }],
    ["a short answer with partial credit", wrap(q("shortanswer", '<answer fraction="100"><text>a</text></answer><answer fraction="50"><text>b</text></answer>')), { at: 3, field: "answer", code: "answer_partial_unsupported" }],
    ["a cloze with a multichoice blank", wrap(`<question type="cloze"><questiontext><text>{1:MULTICHOICE:=a~b}</text></questiontext></question>`), { at: 3, field: "type", code: "type_unsupported" }],
    ["a description without a case key", wrap(q("description", "")), { at: 3, field: "question", code: "description_unsupported" }],
  ])("locates %s", (_case, xml, error) => {
    expect(parseMoodleXml(xml).errors).toEqual([error]);
  });

  it("counts lines past comments and CDATA that mention <question", () => {
    const xml = wrap(`<!-- <question type="x"> -->\n${q("essay", "")}\n<question type="essay"><questiontext><text><![CDATA[a\n<question>\nb]]></text></questiontext></question>\n${q("numerical", "")}`);
    expect(parseMoodleXml(xml).errors).toEqual([{ at: 8, field: "type", code: "type_unsupported" }]);
  });

  it("never expands entities beyond XML's own (and HTML's in html text)", () => {
    const essay = (format: string) => `<question type="essay"><questiontext format="${format}"><text>a &amp;lt; b &unknown; &#x4E2D;</text></questiontext></question>`;
    const parsed = parseMoodleXml(wrap(`${essay("markdown")}\n${essay("html")}`));
    expect(parsed.drafts.map((d) => d.stem)).toEqual(["a &lt; b &unknown; 中", "a < b &unknown; 中"]);
  });

  it("reports a question's own errors through checkDrafts with its line", () => {
    const parsed = parseMoodleXml(wrap(`${q("essay", "")}\n<question type="multichoice"><questiontext><text></text></questiontext><answer fraction="100"><text>a</text></answer></question>`));
    const { errors } = checkDrafts(parsed.drafts);
    expect(errors).toEqual([
      { at: 4, field: "stem", code: "stem_required" },
      { at: 4, field: "options", code: "options_too_few" },
    ]);
  });
});
