"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { ERROR_CODES, type ErrorCode } from "@/lib/errors";

const asErrorCode = (value: string | null | undefined): ErrorCode =>
  ERROR_CODES.includes(value as ErrorCode) ? (value as ErrorCode) : "auth.invalid_credentials";

export function LoginForm() {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<ErrorCode | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(form: FormData) {
    startTransition(async () => {
      setError(null);
      const result = await signIn("credentials", {
        redirect: false,
        no: String(form.get("no") ?? ""),
        password: String(form.get("password") ?? ""),
      });
      if (!result?.ok) {
        setError(asErrorCode(result?.error));
        return;
      }
      router.replace("/");
      router.refresh();
    });
  }

  return (
    <form action={submit} className="space-y-4" noValidate>
      <TextInput label={t("auth.no")} name="no" autoComplete="username" required maxLength={64} inputMode="text" />
      <TextInput label={t("auth.password")} name="password" type="password" autoComplete="current-password" required maxLength={256} />
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {t(`errors.${error}` as never)}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("auth.submitting") : t("auth.submit")}
      </Button>
    </form>
  );
}
