"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { MarkdownEditor } from "@/components/markdown-editor";
import { Field } from "@/components/ui/field";

/** The course syllabus: a Markdown editor whose preview renders exactly what students will see. */
export function SyllabusEditor({ name, initial, maxLength, errors }: {
  name: string;
  initial: string;
  maxLength: number;
  errors?: string[];
}) {
  const t = useTranslations("course.intro");
  const [text, setText] = useState(initial);
  return (
    <Field label={t("syllabus")} errors={errors} hint={t("syllabusHint")}>
      {(a11y) => (
        <MarkdownEditor
          name={name}
          value={text}
          onChange={setText}
          maxLength={maxLength}
          rows={18}
          testId="syllabus-editor"
          previewTestId="syllabus-preview"
          a11y={a11y}
        />
      )}
    </Field>
  );
}
