import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown";
import { PlanDiffView } from "@/components/plan/plan-diff";
import { diffPlans } from "./plan-diff";

// Plans are Markdown written by teachers and shown to students: whatever they contain must stay inert.
const PAYLOADS = [
  "<script>alert('xss')</script>",
  '<img src="x" onerror="alert(1)">',
  "[点我](javascript:alert(1))",
  '<a href="javascript:alert(1)">链接</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<div style="background:url(javascript:alert(1))" onclick="alert(1)">x</div>',
];

const LABELS = { title: "改动", summary: "新增 1 行", added: "新增", removed: "删除", noChanges: "无", skipped: (n: number) => `省略 ${n} 行` };

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

const isInert = (html: string) => {
  expect(html).not.toMatch(/<script|<iframe|<img|\son\w+=|javascript:|<div style/i);
};

describe("plan content is inert when rendered", () => {
  it.each(PAYLOADS)("as Markdown: %s", (payload) => {
    const html = renderToStaticMarkup(createElement(Markdown, { source: `# 教案\n\n${payload}\n\n- 第三心音` }));
    isInert(html);
    expect(html).toContain("第三心音");
  });

  it.each(PAYLOADS)("in the diff view, as plain text: %s", (payload) => {
    const diff = diffPlans("# 教案\n旧的一行\n", `# 教案\n新的一行 ${payload}\n`);
    const html = renderToStaticMarkup(createElement(PlanDiffView, { diff, labels: LABELS }));
    expect(html).not.toMatch(/<(script|img|iframe|a)\b|\s(href|on\w+)="|<div style/i);
    expect(html).toContain(escapeHtml(payload));
  });
});

describe("PlanDiffView", () => {
  it("marks additions and removals with <ins>/<del> and words for screen readers", () => {
    const diff = diffPlans("讲解 10 分钟\n", "讲解 20 分钟\n");
    const html = renderToStaticMarkup(createElement(PlanDiffView, { diff, labels: LABELS }));
    expect(html).toContain('<del class="rounded-sm bg-red-200 decoration-red-500">10</del>');
    expect(html).toContain('<ins class="rounded-sm bg-emerald-200 no-underline">20</ins>');
    expect(html).toContain('<span class="sr-only">删除: </span>');
    expect(html).toContain('<span class="sr-only">新增: </span>');
    expect(html).toContain('data-testid="plan-diff"');
  });
});
