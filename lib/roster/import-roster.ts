import type { Actor } from "@/lib/auth/authz";
import { authorizeCourse } from "@/lib/auth/authz";
import { hashPassword, temporaryPassword } from "@/lib/auth/password";
import { writeAudit } from "@/lib/audit/write-audit";
import { type Tx, db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type RosterFile, type RosterFileRow, parseRosterFile } from "./parse-roster-file";
import { type RosterRowError, validateRoster } from "./validate-roster";

/** What importing a row does to the account (by 学号) and to its membership in the course. */
export type AccountChange = "create" | "update" | "same";
export type MembershipChange = "add" | "regroup" | "same";

export interface RosterImportRow extends RosterFileRow {
  /** null for a row with errors. */
  change: { account: AccountChange; membership: MembershipChange } | null;
}

export interface RosterImportCounts {
  created: number;
  updated: number;
  added: number;
  regrouped: number;
  unchanged: number;
  classesCreated: number;
  groupsCreated: number;
}

export interface TemporaryPassword {
  no: string;
  name: string;
  password: string;
}

export interface RosterImportSummary {
  committed: boolean;
  rows: RosterImportRow[];
  errors: RosterRowError[];
  counts: RosterImportCounts;
  /** Only after a commit, only for the accounts it created; shown once and never stored in clear. */
  passwords: TemporaryPassword[];
}

interface PlannedRow extends RosterFileRow {
  userId: string | null;
  account: AccountChange;
  membership: MembershipChange;
}

interface Plan {
  rows: PlannedRow[];
  errors: RosterRowError[];
  missingClasses: string[];
  missingGroups: string[];
}

// Hashing is slow (argon2) and a big class creates hundreds of accounts: allow the commit more than the default 5 s.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 120_000 };

/**
 * Imports a roster file into a course: with `dryRun` it only reports what would change and which rows are wrong;
 * otherwise it re-reads the file and applies every row in one transaction, or nothing when any row is wrong
 * (`roster.invalid_rows`, with the row errors in `details.errors`). Rows are matched to accounts by 学号, so
 * importing the same file again changes nothing. Empty 班级 / 小组 cells keep the student's current class / group.
 */
export async function importRoster(
  actor: Actor,
  courseId: string,
  file: RosterFile,
  options: { dryRun: boolean },
): Promise<RosterImportSummary> {
  await authorizeCourse(actor, courseId, "roster.manage");
  const fileRows = await parseRosterFile(file);
  const validated = validateRoster(fileRows);
  const preview = await planImport(db, courseId, validated.rows, validated.errors);
  if (options.dryRun) return summaryOf(fileRows, preview, false, []);
  if (preview.errors.length) throw new AppError("roster.invalid_rows", { errors: preview.errors });

  const passwords = new Map<string, string>();
  const hashes = new Map<string, string>();
  const prepareAccount = async (no: string) => {
    const password = temporaryPassword();
    passwords.set(no, password);
    hashes.set(no, await hashPassword(password));
  };
  await Promise.all(preview.rows.filter((row) => row.account === "create").map((row) => prepareAccount(row.no)));

  const plan = await db.$transaction(async (tx) => {
    // Planned again inside the transaction: accounts or groups may have changed since the preview above.
    const plan = await planImport(tx, courseId, validated.rows, validated.errors);
    if (plan.errors.length) throw new AppError("roster.invalid_rows", { errors: plan.errors });
    const creates = plan.rows.filter((row) => row.account === "create");
    await Promise.all(creates.filter((row) => !hashes.has(row.no)).map((row) => prepareAccount(row.no)));
    await applyPlan(tx, courseId, plan, hashes);
    await writeAudit(tx, actor, "roster.import", courseId, { file: file.name.slice(0, 200), rows: plan.rows.length, ...countsOf(plan) }, { courseId });
    return plan;
  }, TRANSACTION_OPTIONS);

  const created = plan.rows
    .filter((row) => row.account === "create")
    .map((row) => ({ no: row.no, name: row.name, password: passwords.get(row.no)! }));
  return summaryOf(fileRows, plan, true, created);
}

async function planImport(client: Tx, courseId: string, rows: RosterFileRow[], fileErrors: RosterRowError[]): Promise<Plan> {
  const classNames = unique(rows.map((row) => row.className));
  const groupNames = unique(rows.map((row) => row.group));
  const [users, classes, groups] = await Promise.all([
    client.user.findMany({
      where: { no: { in: rows.map((row) => row.no) } },
      select: { id: true, no: true, name: true, role: true, class: { select: { name: true } } },
    }),
    client.class.findMany({ where: { name: { in: classNames } }, select: { name: true } }),
    client.group.findMany({ where: { courseId, name: { in: groupNames } }, select: { name: true } }),
  ]);
  const members = await client.courseMember.findMany({
    where: { courseId, userId: { in: users.map((user) => user.id) } },
    select: { userId: true, group: { select: { name: true } } },
  });
  const userByNo = new Map(users.map((user) => [user.no, user]));
  const memberByUser = new Map(members.map((member) => [member.userId, member]));

  const planned: PlannedRow[] = [];
  const errors = [...fileErrors];
  for (const row of rows) {
    const user = userByNo.get(row.no);
    if (user && user.role !== "STUDENT") {
      errors.push({ row: row.row, column: "no", code: "roster.row.not_student" });
      continue;
    }
    const member = user ? memberByUser.get(user.id) : undefined;
    const accountChanged = !!user && (user.name !== row.name || (!!row.className && user.class?.name !== row.className));
    const groupChanged = !!row.group && member?.group?.name !== row.group;
    planned.push({
      ...row,
      userId: user?.id ?? null,
      account: !user ? "create" : accountChanged ? "update" : "same",
      membership: !member ? "add" : groupChanged ? "regroup" : "same",
    });
  }
  errors.sort((a, b) => a.row - b.row);
  const existingClasses = new Set(classes.map((c) => c.name));
  const existingGroups = new Set(groups.map((g) => g.name));
  // Classes and groups of rows with errors are not created: nothing is written while any row is wrong anyway.
  return {
    rows: planned,
    errors,
    missingClasses: unique(planned.map((row) => row.className)).filter((name) => !existingClasses.has(name)),
    missingGroups: unique(planned.map((row) => row.group)).filter((name) => !existingGroups.has(name)),
  };
}

async function applyPlan(tx: Tx, courseId: string, plan: Plan, hashes: Map<string, string>): Promise<void> {
  // skipDuplicates: another import may have created the same class a moment ago.
  if (plan.missingClasses.length) {
    await tx.class.createMany({ data: plan.missingClasses.map((name) => ({ name })), skipDuplicates: true });
  }
  if (plan.missingGroups.length) {
    await tx.group.createMany({ data: plan.missingGroups.map((name) => ({ courseId, name })), skipDuplicates: true });
  }
  const [classes, groups] = await Promise.all([
    tx.class.findMany({ where: { name: { in: unique(plan.rows.map((row) => row.className)) } }, select: { id: true, name: true } }),
    tx.group.findMany({ where: { courseId, name: { in: unique(plan.rows.map((row) => row.group)) } }, select: { id: true, name: true } }),
  ]);
  const classId = new Map(classes.map((c) => [c.name, c.id]));
  const groupId = new Map(groups.map((g) => [g.name, g.id]));

  const creates = plan.rows.filter((row) => row.account === "create").map((row) => ({
    no: row.no,
    name: row.name,
    role: "STUDENT" as const,
    classId: classId.get(row.className) ?? null,
    passwordHash: hashes.get(row.no)!,
    mustChangePassword: true,
  }));
  const created = creates.length ? await tx.user.createManyAndReturn({ data: creates, select: { id: true, no: true } }) : [];
  const createdId = new Map(created.map((user) => [user.no, user.id]));
  const userIdOf = (row: PlannedRow) => row.userId ?? createdId.get(row.no)!;

  for (const row of plan.rows.filter((r) => r.account === "update")) {
    await tx.user.update({
      where: { id: row.userId! },
      data: { name: row.name, ...(row.className ? { classId: classId.get(row.className) } : {}) },
    });
  }

  const adds = plan.rows.filter((row) => row.membership === "add");
  if (adds.length) {
    await tx.courseMember.createMany({
      data: adds.map((row) => ({ courseId, userId: userIdOf(row), role: "STUDENT" as const, groupId: groupId.get(row.group) ?? null })),
    });
  }
  const regroup = new Map<string, string[]>();
  for (const row of plan.rows.filter((r) => r.membership === "regroup")) {
    const target = groupId.get(row.group)!;
    regroup.set(target, [...(regroup.get(target) ?? []), userIdOf(row)]);
  }
  for (const [target, userIds] of regroup) {
    await tx.courseMember.updateMany({ where: { courseId, userId: { in: userIds } }, data: { groupId: target } });
  }
}

function countsOf(plan: Plan): RosterImportCounts {
  const count = (test: (row: PlannedRow) => boolean) => plan.rows.filter(test).length;
  return {
    created: count((row) => row.account === "create"),
    updated: count((row) => row.account === "update"),
    added: count((row) => row.membership === "add"),
    regrouped: count((row) => row.membership === "regroup"),
    unchanged: count((row) => row.account === "same" && row.membership === "same"),
    classesCreated: plan.missingClasses.length,
    groupsCreated: plan.missingGroups.length,
  };
}

function summaryOf(fileRows: RosterFileRow[], plan: Plan, committed: boolean, passwords: TemporaryPassword[]): RosterImportSummary {
  const byRow = new Map(plan.rows.map((row) => [row.row, row]));
  return {
    committed,
    rows: fileRows.map((fileRow) => {
      const planned = byRow.get(fileRow.row);
      return planned
        ? { ...fileRow, no: planned.no, change: { account: planned.account, membership: planned.membership } }
        : { ...fileRow, change: null };
    }),
    errors: plan.errors,
    counts: countsOf(plan),
    passwords,
  };
}

const unique = (values: string[]) => [...new Set(values.filter(Boolean))];
