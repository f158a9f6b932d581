import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/i18n/config";
import { IMPORT_FIELDS, IMPORT_ISSUE_CODES } from "./formats/types";
import { PARTIAL_CREDIT_RULES, QUESTION_TYPES } from "./question-shapes";

type Messages = { [key: string]: string | Messages };
const read = (locale: string): Messages =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../messages/${locale}/qbank.json`), "utf8"));
const at = (messages: Messages, dotted: string): unknown =>
  dotted.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Messages)[key] : undefined), messages);

// Import errors are codes the UI translates: a code added to the parsers and forgotten here would show raw.
describe("qbank messages", () => {
  it.each(LOCALES)("has a %s text for every import error, field, type and scoring rule", (locale) => {
    const messages = read(locale);
    const keys = [
      ...IMPORT_ISSUE_CODES.map((code) => `import.errors.${code}`),
      ...IMPORT_FIELDS.map((field) => `import.fields.${field}`),
      ...QUESTION_TYPES.map((type) => `types.${type}`),
      ...PARTIAL_CREDIT_RULES.map((rule) => `rules.${rule}`),
    ];
    expect(keys.filter((key) => typeof at(messages, key) !== "string")).toEqual([]);
  });
});
