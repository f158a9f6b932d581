import type { CompetencyInput } from "./schemas";

/**
 * The competency editor's text: one competency per line, `code | 名称 | English name | tag, tag` (tags separated by
 * commas or 、). Plain text keeps the editor usable on a phone and lets a department paste its list from a
 * spreadsheet. Validation is the schema's (CompetencyListSchema).
 */
export function parseCompetencyLines(text: string): CompetencyInput[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [code = "", name = "", nameEn = "", tags = ""] = line.split("|").map((part) => part.trim());
      return {
        code,
        name,
        nameEn: nameEn || null,
        tags: tags
          .split(/[,，、]/)
          .map((tag) => tag.trim())
          .filter(Boolean),
      };
    });
}

export function competencyLinesOf(list: readonly { code: string; name: string; nameEn: string | null; tags: readonly string[] }[]): string {
  return list.map((c) => [c.code, c.name, c.nameEn ?? "", c.tags.join(", ")].join(" | ")).join("\n");
}
