import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown";

// Teachers' material and case stages are Markdown; students' answers and feedback are plain text rendered by React.
// Whatever is stored, what reaches the browser must be inert: no script elements, no event handlers, no
// javascript: URLs. The rendered HTML is checked as a string, the way the browser would get it.
const render = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

const PAYLOADS = [
  "<script>alert(1)</script>",
  `<img src=x onerror="alert(1)">`,
  `<a href="javascript:alert(1)">点我</a>`,
  "[点我](javascript:alert(1))",
  "[点我](JaVaScRiPt:alert(1))",
  "[点我](&#106;avascript:alert(1))",
  "![图](javascript:alert(1))",
  "[点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  `<iframe src="https://evil.example"></iframe>`,
  `<svg onload="alert(1)"></svg>`,
  `<div style="background:url(javascript:alert(1))" onclick="alert(1)">x</div>`,
  "<details open ontoggle=alert(1)>",
];

describe("Markdown rendering of untrusted text", () => {
  it.each(PAYLOADS)("renders %j inert", (payload) => {
    const html = render(`## 预习\n\n${payload}\n\n正文`);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(iframe|svg|details|div style)/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/(href|src)="\s*(javascript|data):/i);
    expect(html).toContain("正文");
  });

  it("still renders ordinary Markdown: headings, lists, tables, safe links and images", () => {
    const html = render("## 心脏听诊\n\n- 二尖瓣区\n- 主动脉瓣区\n\n| 部位 | 位置 |\n| --- | --- |\n| 二尖瓣区 | 心尖部 |\n\n[指南](https://example.org/guide) ![图](/img.png)");
    expect(html).toContain("<h2>心脏听诊</h2>");
    expect(html).toContain("<li>二尖瓣区</li>");
    expect(html).toContain("<table>");
    expect(html).toContain(`href="https://example.org/guide"`);
    expect(html).toContain(`src="/img.png"`);
  });

  it("drops raw HTML tags but keeps the text between them", () => {
    expect(render("<b>重点</b>")).toContain("<p>重点</p>");
  });
});
