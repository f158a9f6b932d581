/** The English name in the English UI when there is one, the Chinese name otherwise. */
export const localized = (locale: string, zh: string, en?: string | null): string => (locale === "en" && en ? en : zh);
