import { describe, expect, it } from "vitest";
import { h5EntryPath, h5ErrorPath, safeNextPath } from "./paths";

describe("safeNextPath", () => {
  it.each([
    ["/student", "/student"],
    ["/student/lessons/abc?tab=pre#top", "/student/lessons/abc?tab=pre#top"],
    ["/student/../teacher", "/teacher"],
  ])("keeps a path on this site: %s", (raw, expected) => {
    expect(safeNextPath(raw)).toBe(expected);
  });

  it.each([
    ["another origin", "https://evil.example/student"],
    ["a protocol-relative URL", "//evil.example/student"],
    ["a backslash trick", "/\\evil.example"],
    ["a tab trick", "/\t/evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "student"],
    ["back into the WeChat entry (a loop)", "/h5/entry?next=/h5/entry"],
    ["the h5 root", "/h5"],
    ["an API route", "/api/auth/signout"],
    ["something too long", `/${"a".repeat(600)}`],
    ["nothing", null],
    ["not a string", ["/student"]],
  ])("turns %s into /", (_name, raw) => {
    expect(safeNextPath(raw)).toBe("/");
  });
});

describe("h5 paths", () => {
  it("encodes next and the avatar choice", () => {
    expect(h5EntryPath("/student/lessons/a?b=1")).toBe("/h5/entry?next=%2Fstudent%2Flessons%2Fa%3Fb%3D1");
    expect(h5EntryPath("/student", { profile: true })).toBe("/h5/entry?next=%2Fstudent&profile=1");
    expect(h5ErrorPath("binding.oauth_failed", "/student")).toBe("/h5/error?code=binding.oauth_failed&next=%2Fstudent");
  });
});
