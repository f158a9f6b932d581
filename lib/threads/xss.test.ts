import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown";
import { createNote } from "@/lib/notes/create-note";
import { listNotesForLesson } from "@/lib/notes/list-notes-for-lesson";
import { createThread } from "./create-thread";
import { getThread } from "./get-thread";
import { replyToThread } from "./reply-to-thread";
import { type AfterClassSchool, makeAfterClassSchool, XSS_PAYLOADS } from "./test-fixtures";

// What members write is stored as written and rendered through components/markdown.tsx, the only renderer the
// note and thread pages use for it. Whatever they type must come out inert.
const render = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

function expectInert(html: string) {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<(iframe|svg|object|embed|style)/i);
  expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/(href|src)\s*=\s*"\s*javascript:/i);
  expect(html).not.toMatch(/style\s*=/i);
}

describe("XSS in notes, threads and replies renders inert", () => {
  let s: AfterClassSchool;
  beforeAll(async () => {
    s = await makeAfterClassSchool();
  });

  it.each(XSS_PAYLOADS)("%s", async (payload) => {
    await createNote(s.as.author, { lessonId: s.lesson.id, title: payload.slice(0, 100), body: `笔记\n\n${payload}`, visibility: "COURSE" });
    const thread = await createThread(s.as.author, { courseId: s.course.id, title: payload.slice(0, 100), body: `帖子 ${payload}` });
    await replyToThread(s.as.groupmate, { threadId: thread.id, body: `回复 ${payload}` });

    const note = (await listNotesForLesson(s.as.groupmate, { lessonId: s.lesson.id })).shared.find((n) => n.body.includes(payload))!;
    const detail = await getThread(s.as.teacher, { threadId: thread.id });
    expect(note.body).toContain(payload); // stored as written; safety comes from rendering
    for (const source of [note.body, detail.body, detail.posts[0].body]) {
      const html = render(source);
      expectInert(html);
      expect(html.length).toBeGreaterThan(0);
    }
  });

  it("still renders ordinary Markdown", () => {
    const html = render("## 要点\n\n- **S3** 舒张早期\n\n[教材](https://example.edu/s3)\n\n| 心音 | 时相 |\n| --- | --- |\n| S4 | 舒张晚期 |");
    expect(html).toContain("<h2");
    expect(html).toContain("<strong>S3</strong>");
    expect(html).toContain('href="https://example.edu/s3"');
    expect(html).toContain("<table>");
  });
});
