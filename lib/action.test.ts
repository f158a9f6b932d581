import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { formToObject, isNextControlFlow, runAction } from "./action";
import { AppError } from "./errors";

const Schema = z.object({ title: z.string().trim().min(1), count: z.coerce.number().int() });

describe("runAction", () => {
  it("parses the input and returns the result", async () => {
    const run = vi.fn(async (input: z.output<typeof Schema>) => input.count * 2);
    await expect(runAction(Schema, { title: " a ", count: "21" }, run)).resolves.toEqual({ ok: true, data: 42 });
    expect(run).toHaveBeenCalledWith({ title: "a", count: 21 });
  });

  it("does not run domain code for invalid input", async () => {
    const run = vi.fn(async () => "ran");
    await expect(runAction(Schema, { title: "" }, run)).resolves.toEqual({
      ok: false,
      code: "validation",
      fieldErrors: { title: ["validation.required"], count: ["validation.invalid"] },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it("refuses text with a NUL byte as bad input before running anything", async () => {
    const run = vi.fn(async () => "ran");
    await expect(runAction(Schema, { title: "a\u0000b", count: 1 }, run)).resolves.toEqual({ ok: false, code: "validation" });
    await expect(runAction(z.object({ tags: z.array(z.string()) }), { tags: ["ok", "\u0000"] }, run)).resolves.toMatchObject({ ok: false });
    expect(run).not.toHaveBeenCalled();
  });

  it("turns an AppError into its code", async () => {
    await expect(runAction(Schema, { title: "a", count: 1 }, async () => {
      throw new AppError("auth.forbidden");
    })).resolves.toEqual({ ok: false, code: "auth.forbidden", details: undefined });
  });

  it("hides unexpected errors behind common.unexpected", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = await runAction(Schema, { title: "a", count: 1 }, async () => {
      throw new Error("internal detail");
    });
    expect(result).toEqual({ ok: false, code: "common.unexpected" });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it.each(["NEXT_REDIRECT;replace;/login;307;", "NEXT_HTTP_ERROR_FALLBACK;404", "NEXT_HTTP_ERROR_FALLBACK;403"])(
    "lets Next's control flow (%s) through",
    async (digest) => {
      const control = Object.assign(new Error(digest), { digest });
      await expect(runAction(Schema, { title: "a", count: 1 }, async () => {
        throw control;
      })).rejects.toBe(control);
    },
  );

  it("lets the real redirect() and notFound() through", async () => {
    const { notFound, redirect } = await import("next/navigation");
    await expect(runAction(Schema, { title: "a", count: 1 }, async () => redirect("/login"))).rejects.toSatisfy(isNextControlFlow);
    await expect(runAction(Schema, { title: "a", count: 1 }, async () => notFound())).rejects.toSatisfy(isNextControlFlow);
  });

  it("does not mistake other digests for control flow", () => {
    expect(isNextControlFlow(Object.assign(new Error("x"), { digest: "12345" }))).toBe(false);
    expect(isNextControlFlow(null)).toBe(false);
    expect(isNextControlFlow("NEXT_REDIRECT")).toBe(false);
  });
});

describe("formToObject", () => {
  it("keeps single values, collects repeated names and [] names into arrays, and drops Next's action fields", () => {
    const form = new FormData();
    form.append("title", "诊断学");
    form.append("tag", "a");
    form.append("tag", "b");
    form.append("ids[]", "only");
    form.append("$ACTION_ID_abc", "");
    form.append("$ACTION_REF_1", "");
    expect(formToObject(form)).toEqual({ title: "诊断学", tag: ["a", "b"], "ids[]": ["only"] });
  });
});
