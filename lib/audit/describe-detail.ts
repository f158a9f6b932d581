import { shanghaiParts } from "@/lib/lesson/local-time";

/*
 * An audit entry's detail, made readable. Details are flat objects of ids, counts and notes, with optional
 * `from` / `to` (the values before and after) and `changes` (per student: { studentId, from, to }). Ids of known
 * kinds are shown as names or titles, `…At` values as Shanghai times, enum values and field names through the
 * `audit` messages; anything unknown is shown as it is rather than dropped.
 */

export type RefKind = "user" | "course" | "department" | "homework" | "quiz" | "peer" | "question";

const REF_KEYS: Record<string, RefKind> = {
  studentId: "user",
  userId: "user",
  courseId: "course",
  departmentId: "department",
  homeworkId: "homework",
  quizId: "quiz",
  activityId: "peer",
  questionId: "question",
};

/**
 * The order fields are shown in: who and what first, then settings, then scores. The database keeps JSON keys in an
 * order of its own (jsonb), so the stored order cannot be used. Keys not listed follow, alphabetically.
 */
const KEY_ORDER = [
  "studentId", "userId", "no", "name", "nameEn", "code", "title", "titleEn", "term", "role", "departmentId", "courseId",
  "homeworkId", "quizId", "questionId", "attemptId", "activityId", "type", "phase",
  "dueAt", "latePolicy", "lateRate", "lateInterval", "lateMaxDeduction", "lateFloor", "lateMinutes",
  "rawScore", "deduction", "score", "attemptScore", "grade", "gradeOverride", "overrideNote", "gradesReleasedAt", "pointsEnabled",
  "graded", "ungraded", "reviewGradesChanged",
];
const rank = (key: string) => {
  const index = KEY_ORDER.indexOf(key);
  return index === -1 ? KEY_ORDER.length : index;
};
const inDisplayOrder = (keys: Iterable<string>) => [...new Set(keys)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

/** Keys whose values have labels under `audit.values.<key>`. */
const ENUM_KEYS = new Set(["phase", "role", "latePolicy", "lateInterval", "type"]);

export type RefLabels = Map<string, string>;
const refKey = (kind: RefKind, id: string) => `${kind}:${id}`;

export type AuditValue =
  | { kind: "none" }
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "bool"; value: boolean }
  | { kind: "date"; at: Date }
  | { kind: "enum"; key: string; value: string }
  /** label null: the record is gone (or was never readable); the id is shown. */
  | { kind: "ref"; id: string; label: string | null }
  | { kind: "list"; items: AuditValue[] };

export interface AuditDiff {
  key: string;
  from: AuditValue;
  to: AuditValue;
}

export interface AuditDetailView {
  fields: { key: string; value: AuditValue }[];
  diffs: AuditDiff[];
  changes: { student: AuditValue; diffs: AuditDiff[] }[];
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
const isObject = (value: unknown): value is Record<string, Json> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Every id in the details that has a name to look up, by kind. */
export function refsOf(details: unknown[]): Map<RefKind, Set<string>> {
  const refs = new Map<RefKind, Set<string>>();
  const visit = (key: string, value: unknown) => {
    if (Array.isArray(value)) return value.forEach((item) => visit(key, item));
    if (isObject(value)) return Object.entries(value).forEach(([inner, v]) => visit(inner, v));
    const kind = REF_KEYS[key];
    if (kind && typeof value === "string") {
      if (!refs.has(kind)) refs.set(kind, new Set());
      refs.get(kind)!.add(value);
    }
  };
  details.forEach((detail) => visit("", detail));
  return refs;
}

export const labelRef = (labels: RefLabels, kind: RefKind, id: string, label: string) => labels.set(refKey(kind, id), label);
export const labelOf = (labels: RefLabels, kind: RefKind, id: string): string | null => labels.get(refKey(kind, id)) ?? null;

function valueOf(key: string, raw: Json | undefined, labels: RefLabels): AuditValue {
  if (raw === null || raw === undefined) return { kind: "none" };
  if (Array.isArray(raw)) return { kind: "list", items: raw.map((item) => valueOf(key, item, labels)) };
  if (isObject(raw)) return { kind: "text", text: JSON.stringify(raw) };
  if (typeof raw === "number") return { kind: "number", value: raw };
  if (typeof raw === "boolean") return { kind: "bool", value: raw };
  const kind = REF_KEYS[key];
  if (kind) return { kind: "ref", id: raw, label: labelOf(labels, kind, raw) };
  if (key.endsWith("At") && !Number.isNaN(Date.parse(raw))) return { kind: "date", at: new Date(raw) };
  if (ENUM_KEYS.has(key)) return { kind: "enum", key, value: raw };
  return { kind: "text", text: raw };
}

function diffsOf(from: Json | undefined, to: Json | undefined, labels: RefLabels): AuditDiff[] {
  // Older entries (a course teacher's role) store the two values themselves.
  if (!isObject(from) && !isObject(to)) return [{ key: "value", from: valueOf("value", from, labels), to: valueOf("value", to, labels) }];
  const before = isObject(from) ? from : {};
  const after = isObject(to) ? to : {};
  return inDisplayOrder([...Object.keys(before), ...Object.keys(after)]).map((key) => ({ key, from: valueOf(key, before[key], labels), to: valueOf(key, after[key], labels) }));
}

export function describeDetail(detail: unknown, labels: RefLabels): AuditDetailView {
  const view: AuditDetailView = { fields: [], diffs: [], changes: [] };
  if (!isObject(detail)) return view;
  const { from, to, changes, ...fields } = detail;
  view.fields = inDisplayOrder(Object.keys(fields)).map((key) => ({ key, value: valueOf(key, fields[key], labels) }));
  if (from !== undefined || to !== undefined) view.diffs = diffsOf(from, to, labels);
  if (Array.isArray(changes)) {
    view.changes = changes.filter(isObject).map((change) => ({
      student: valueOf("studentId", change.studentId, labels),
      diffs: diffsOf(change.from, change.to, labels),
    }));
  }
  return view;
}

/** The translations describeDetail's output needs: next-intl's `getTranslations("audit")` or `createTranslator`. */
export interface AuditTranslator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

const shanghaiTime = (at: Date) => {
  const { date, time } = shanghaiParts(at);
  return `${date} ${time}`;
};

export function valueText(value: AuditValue, t: AuditTranslator): string {
  switch (value.kind) {
    case "none":
      return "—";
    case "text":
      return value.text;
    case "number":
      return String(Math.round(value.value * 100) / 100);
    case "bool":
      return t(value.value ? "values.yes" : "values.no");
    case "date":
      return shanghaiTime(value.at);
    case "enum":
      return t.has(`values.${value.key}.${value.value}`) ? t(`values.${value.key}.${value.value}`) : value.value;
    case "ref":
      return value.label ?? value.id;
    case "list":
      return value.items.length ? value.items.map((item) => valueText(item, t)).join(t("listSeparator")) : "—";
  }
}

/** An action's label; an action no longer known (renamed since it was written) is shown as stored. */
export const actionLabel = (action: string, t: AuditTranslator): string => (t.has(`actions.${action}`) ? t(`actions.${action}`) : action);

export const fieldLabel = (key: string, t: AuditTranslator): string => (t.has(`fields.${key}`) ? t(`fields.${key}`) : key);

const diffText = (diff: AuditDiff, t: AuditTranslator) =>
  t("diff", { field: fieldLabel(diff.key, t), from: valueText(diff.from, t), to: valueText(diff.to, t) });

/** One line per field, per change and per student affected, in the viewer's language; also the export's text. */
export function detailLines(view: AuditDetailView, t: AuditTranslator): string[] {
  return [
    ...view.diffs.map((diff) => diffText(diff, t)),
    ...view.fields.map(({ key, value }) => t("field", { field: fieldLabel(key, t), value: valueText(value, t) })),
    ...view.changes.map((change) =>
      t("studentChange", { student: valueText(change.student, t), changes: change.diffs.map((diff) => diffText(diff, t)).join(t("listSeparator")) }),
    ),
  ];
}
