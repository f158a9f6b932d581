import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { LOCALES, NAMESPACES } from "@/i18n/config";
import { db } from "@/lib/db";
import { makeDepartment } from "@/tests/factories";
import { AppError, ERROR_CODES, fieldErrorsOf, httpStatusOf, toErrorResult } from "./errors";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("toErrorResult", () => {
  it("passes an AppError's code and details through", () => {
    expect(toErrorResult(new AppError("roster.invalid_rows", { rows: [3] }))).toEqual({
      ok: false,
      code: "roster.invalid_rows",
      details: { rows: [3] },
    });
  });

  it("turns a ZodError into validation with field errors keyed by path", () => {
    const schema = z.object({
      title: z.string().trim().min(1).max(5),
      weight: z.number().int().min(0),
      email: z.email(),
      items: z.array(z.object({ name: z.string() })),
      password: z.string().min(8, "validation.password_rule"),
      kind: z.enum(["a", "b"]),
    });
    const parsed = schema.safeParse({ title: "", weight: -1, email: "nope", items: [{}], password: "x", kind: "c" });
    expect(toErrorResult(parsed.error)).toEqual({
      ok: false,
      code: "validation",
      fieldErrors: {
        title: ["validation.required"],
        weight: ["validation.too_small"],
        email: ["validation.invalid_format"],
        "items.0.name": ["validation.required"],
        password: ["validation.password_rule"],
        kind: ["validation.invalid"],
      },
    });
    expect(fieldErrorsOf(z.string().max(2).safeParse("long").error!)).toEqual({ _: ["validation.too_big"] });
  });

  it("keeps every field error message a translation key", () => {
    const parsed = z.object({ a: z.string().refine(() => false, "Some English text") }).safeParse({ a: "x" });
    expect(fieldErrorsOf(parsed.error!)).toEqual({ a: ["validation.invalid"] });
  });

  it.each([
    ["shaped P2002", { code: "P2002", meta: { target: ["code"] } }, "conflict"],
    ["shaped P2025", { code: "P2025" }, "not_found"],
    ["Prisma's P2002", new Prisma.PrismaClientKnownRequestError("Unique constraint", { code: "P2002", clientVersion: "6" }), "conflict"],
    ["Prisma's P2025", new Prisma.PrismaClientKnownRequestError("Record not found", { code: "P2025", clientVersion: "6" }), "not_found"],
  ] as const)("maps %s to %s", (_name, error, code) => {
    expect(toErrorResult(error)).toEqual({ ok: false, code });
  });

  it("maps the database's own unique and missing-record errors", async () => {
    const dept = await makeDepartment();
    const duplicate = await db.department.create({ data: { code: dept.code, name: "x" } }).catch((e: unknown) => e);
    expect(toErrorResult(duplicate)).toEqual({ ok: false, code: "conflict" });
    const missing = await db.department.update({ where: { id: "c-missing" }, data: { name: "x" } }).catch((e: unknown) => e);
    expect(toErrorResult(missing)).toEqual({ ok: false, code: "not_found" });
  });

  it.each([
    ["an Error", new Error("connect ECONNREFUSED 10.0.0.5:5432 password=secret")],
    ["a TypeError", new TypeError("Cannot read properties of undefined (reading 'secret')")],
    ["a string", "secret string"],
    ["null", null],
    ["another Prisma code", { code: "P2003", message: "Foreign key secret" }],
    ["an object with a non-Prisma code", { code: "ENOENT", message: "secret path" }],
  ])("logs %s and answers common.unexpected without its message", (_name, error) => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = toErrorResult(error);
    expect(result).toEqual({ ok: false, code: "common.unexpected" });
    expect(JSON.stringify(result)).not.toContain("secret");
    expect(log).toHaveBeenCalledWith(expect.any(String), error);
  });

  it("maps codes to HTTP statuses, 400 by default", () => {
    expect(httpStatusOf("auth.unauthenticated")).toBe(401);
    expect(httpStatusOf("not_found")).toBe(404);
    expect(httpStatusOf("auth.rate_limited")).toBe(429);
    expect(httpStatusOf("validation")).toBe(400);
  });
});

// The message files are checked here so that a code or key added in one place and forgotten in another fails a test.
type Messages = { [key: string]: string | Messages };
const messagesDir = path.resolve(import.meta.dirname, "../messages");
const readMessages = (locale: string, namespace: string): Messages =>
  JSON.parse(fs.readFileSync(path.join(messagesDir, locale, `${namespace}.json`), "utf8"));
const namespaceFiles = (locale: string) =>
  fs.readdirSync(path.join(messagesDir, locale)).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -".json".length)).sort();

function lookup(messages: Messages, dotted: string): unknown {
  return dotted.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Messages)[key] : undefined), messages);
}

function leafKeys(messages: Messages, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  );
}

/** Argument names of an ICU message, including those inside plural/select branches. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  let i = 0;
  // Message text, up to the brace that closes the enclosing branch.
  const text = (): void => {
    while (i < message.length && message[i] !== "}") {
      if (message[i] === "{") argument();
      else i++;
    }
  };
  const argument = (): void => {
    const head = /^\{\s*([^\s,{}]*)\s*(?:,\s*(\w+))?/.exec(message.slice(i))!;
    if (head[1]) names.add(head[1]);
    i += head[0].length;
    const hasBranches = ["plural", "select", "selectordinal"].includes(head[2] ?? "");
    let depth = 0;
    while (i < message.length) {
      const c = message[i++];
      if (c === "{" && hasBranches) {
        text();
        i++;
      } else if (c === "{") depth++;
      else if (c === "}" && depth-- === 0) break;
    }
  };
  text();
  return [...names].sort();
}

describe("message files", () => {
  it("reads ICU arguments, also inside plural branches", () => {
    expect(argumentsOf("{name} 有 {count, plural, other {# 节课，{room}}}")).toEqual(["count", "name", "room"]);
    expect(argumentsOf("{when, date, short} {n, number}")).toEqual(["n", "when"]);
    expect(argumentsOf("plain")).toEqual([]);
  });

  it.each(LOCALES)("has a message for every error code in %s", (locale) => {
    const errors = readMessages(locale, "errors");
    const missing = ERROR_CODES.filter((code) => {
      const text = lookup(errors, code);
      return typeof text !== "string" || !text.trim();
    });
    expect(missing, `codes without a message in messages/${locale}/errors.json`).toEqual([]);
  });

  it.each(LOCALES)("has a %s text for every validation key the code produces", (locale) => {
    const validation = readMessages(locale, "validation");
    const used = new Set(["required", "too_small", "too_big", "invalid_format", "invalid"]);
    for (const file of sourceFiles(["lib", "components", "app"])) {
      for (const [, key] of fs.readFileSync(file, "utf8").matchAll(/["'`]validation\.([a-z_]+)["'`]/g)) used.add(key);
    }
    expect([...used].filter((key) => typeof validation[key] !== "string").sort(), `keys missing in messages/${locale}/validation.json`).toEqual([]);
  });

  it("has a file for every namespace, and the same files in every locale", () => {
    for (const locale of LOCALES) {
      expect(NAMESPACES.filter((ns) => !namespaceFiles(locale).includes(ns)), `namespaces without messages/${locale}/*.json`).toEqual([]);
      expect(namespaceFiles(locale), `files of ${locale} vs ${LOCALES[0]}`).toEqual(namespaceFiles(LOCALES[0]));
    }
  });

  const namespaces = [...new Set(LOCALES.flatMap(namespaceFiles))].sort();
  it.each(namespaces)("has the same keys and arguments in every locale for %s", (namespace) => {
    const [base, ...others] = LOCALES;
    const baseMessages = readMessages(base, namespace);
    const baseKeys = leafKeys(baseMessages);
    for (const locale of others) {
      const messages = readMessages(locale, namespace);
      const keys = leafKeys(messages);
      expect(baseKeys.filter((k) => !keys.includes(k)), `keys in ${base}/${namespace}.json missing in ${locale}`).toEqual([]);
      expect(keys.filter((k) => !baseKeys.includes(k)), `keys in ${locale}/${namespace}.json missing in ${base}`).toEqual([]);
      const differing = baseKeys
        .filter((k) => keys.includes(k))
        .filter((k) => argumentsOf(lookup(baseMessages, k) as string).join() !== argumentsOf(lookup(messages, k) as string).join());
      expect(differing, `keys of ${namespace} whose {arguments} differ between ${base} and ${locale}`).toEqual([]);
    }
  });
});

function sourceFiles(dirs: string[]): string[] {
  const root = path.resolve(import.meta.dirname, "..");
  return dirs.flatMap((dir) =>
    fs
      .readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
      .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"))
      .map((f) => path.join(root, dir, f)),
  );
}
