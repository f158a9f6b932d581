import { describe, expect, it } from "vitest";
import type { CourseRole, Role } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { actorOf, makeCourse, makeDepartment, makeSchool, makeUser } from "@/tests/factories";
import {
  type CourseAction,
  type GlobalAction,
  type Portal,
  authorizeCourse,
  authorizeLesson,
  canGlobal,
  canOnCourse,
  canUsePortal,
  courseActionsOf,
  courseVisibleTo,
  homePortalOf,
} from "./authz";

const ROLES: Role[] = ["STUDENT", "TEACHER", "DEPT_ADMIN", "ADMIN"];
const MEMBERSHIPS = ["none", "STUDENT", "TEACHER", "ASSISTANT"] as const;
type Membership = (typeof MEMBERSHIPS)[number];
/** Where the actor's department is relative to the course's: the same, another one, or none at all. */
const DEPARTMENTS = ["same", "other", "none"] as const;
type DeptRelation = (typeof DEPARTMENTS)[number];

const ACTIONS: CourseAction[] = [
  "course.view",
  "course.edit",
  "roster.view",
  "roster.manage",
  "feedback.view",
  "course.administer",
  "coursework.manage",
  "coursework.submit",
  "grades.view",
  "grades.manage",
  "evaluation.view",
];
// Columns of the table below, in this order.
const [V, E, RV, RM, FV, A, CM, CS, GV, GM, EV] = ACTIONS;
const TEACHES = [V, E, RV, RM, FV, CM, GV, GM, EV];
const ASSISTS = [V, RV, RM, FV, GV, GM];
const OVERSEES = [V, RV, FV, GV, EV];
const EVERYTHING_BUT_SUBMIT = [V, E, RV, RM, FV, A, CM, GV, GM, EV];

/**
 * The course policy, written out. Each cell lists what a (global role, membership, department) may do; a change of
 * policy must show up here as a diff. Anything not listed is denied.
 */
const COURSE_POLICY: Record<Role, Record<Membership, Record<DeptRelation, CourseAction[]>>> = {
  STUDENT: {
    none: { same: [], other: [], none: [] },
    STUDENT: { same: [V, CS], other: [V, CS], none: [V, CS] },
    // A student account listed as staff (bad data) gets nothing from it.
    TEACHER: { same: [], other: [], none: [] },
    ASSISTANT: { same: [], other: [], none: [] },
  },
  TEACHER: {
    none: { same: [], other: [], none: [] },
    // Staff enrolled as students get nothing; they are not the course's students either.
    STUDENT: { same: [], other: [], none: [] },
    TEACHER: { same: TEACHES, other: TEACHES, none: TEACHES },
    ASSISTANT: { same: ASSISTS, other: ASSISTS, none: ASSISTS },
  },
  DEPT_ADMIN: {
    none: { same: OVERSEES, other: [], none: [] },
    STUDENT: { same: OVERSEES, other: [], none: [] },
    TEACHER: { same: TEACHES, other: TEACHES, none: TEACHES },
    ASSISTANT: { same: [...new Set([...ASSISTS, ...OVERSEES])], other: ASSISTS, none: ASSISTS },
  },
  ADMIN: {
    none: { same: EVERYTHING_BUT_SUBMIT, other: EVERYTHING_BUT_SUBMIT, none: EVERYTHING_BUT_SUBMIT },
    STUDENT: { same: EVERYTHING_BUT_SUBMIT, other: EVERYTHING_BUT_SUBMIT, none: EVERYTHING_BUT_SUBMIT },
    TEACHER: { same: EVERYTHING_BUT_SUBMIT, other: EVERYTHING_BUT_SUBMIT, none: EVERYTHING_BUT_SUBMIT },
    ASSISTANT: { same: EVERYTHING_BUT_SUBMIT, other: EVERYTHING_BUT_SUBMIT, none: EVERYTHING_BUT_SUBMIT },
  },
};

const COURSE_DEPT = "dept-course";
const departmentOf = (relation: DeptRelation) => ({ same: COURSE_DEPT, other: "dept-other", none: null })[relation];
const memberRoleOf = (membership: Membership): CourseRole | null => (membership === "none" ? null : membership);

const cells = ROLES.flatMap((role) =>
  MEMBERSHIPS.flatMap((membership) => DEPARTMENTS.map((dept) => ({ role, membership, dept, allowed: COURSE_POLICY[role][membership][dept] }))),
);

describe("courseActionsOf / canOnCourse", () => {
  it.each(cells)("$role, member $membership, department $dept → $allowed", ({ role, membership, dept, allowed }) => {
    const actor = { role, departmentId: departmentOf(dept) };
    const course = { departmentId: COURSE_DEPT, memberRole: memberRoleOf(membership) };
    expect([...courseActionsOf(actor, course)].sort()).toEqual([...allowed].sort());
    for (const action of ACTIONS) expect(canOnCourse(actor, action, course)).toBe(allowed.includes(action));
  });
});

describe("portals and global actions", () => {
  const PORTALS: Record<Role, Portal[]> = {
    STUDENT: ["student"],
    TEACHER: ["teacher"],
    DEPT_ADMIN: ["teacher", "admin"],
    ADMIN: ["admin"],
  };
  const GLOBAL: Record<Role, GlobalAction[]> = {
    STUDENT: [],
    TEACHER: [],
    DEPT_ADMIN: ["department.view"],
    ADMIN: ["admin.users", "admin.departments", "admin.courses", "department.view"],
  };
  const HOME: Record<Role, Portal> = { STUDENT: "student", TEACHER: "teacher", DEPT_ADMIN: "admin", ADMIN: "admin" };

  it.each(ROLES)("%s uses exactly its portals, global actions and home portal", (role) => {
    for (const portal of ["student", "teacher", "admin"] as const) {
      expect(canUsePortal({ role }, portal), portal).toBe(PORTALS[role].includes(portal));
    }
    for (const action of ["admin.users", "admin.departments", "admin.courses", "department.view"] as const) {
      expect(canGlobal({ role }, action), action).toBe(GLOBAL[role].includes(action));
    }
    expect(homePortalOf(role)).toBe(HOME[role]);
    expect(canUsePortal({ role }, homePortalOf(role))).toBe(true);
  });
});

describe("authorizeCourse and courseVisibleTo (database)", () => {
  it("hides invisible courses as not_found and refuses disallowed actions on visible ones", async () => {
    const s = await makeSchool();
    const id = s.course.id;
    const cases: [string, typeof s.student, CourseAction, "ok" | "not_found" | "auth.forbidden"][] = [
      ["outsider student views", s.outsider, "course.view", "not_found"],
      ["other teacher views", s.otherTeacher, "course.view", "not_found"],
      ["other department's admin views", s.otherDeptAdmin, "course.view", "not_found"],
      ["assistant edits", s.assistant, "course.edit", "auth.forbidden"],
      ["department admin edits", s.deptAdmin, "course.edit", "auth.forbidden"],
      ["department admin manages the roster", s.deptAdmin, "roster.manage", "auth.forbidden"],
      ["teacher administers", s.teacher, "course.administer", "auth.forbidden"],
      ["student views the roster", s.student, "roster.view", "auth.forbidden"],
      ["student views", s.student, "course.view", "ok"],
      ["teacher edits", s.teacher, "course.edit", "ok"],
      ["assistant manages the roster", s.assistant, "roster.manage", "ok"],
      ["department admin views the roster", s.deptAdmin, "roster.view", "ok"],
      ["admin administers", s.admin, "course.administer", "ok"],
    ];
    for (const [name, user, action, expected] of cases) {
      const result = authorizeCourse(actorOf(user), id, action);
      if (expected === "ok") await expect(result, name).resolves.toMatchObject({ courseId: id, departmentId: s.dept.id });
      else await expect(result, name).rejects.toMatchObject({ code: expected });
    }
  });

  it("reports a course id that does not exist as not_found, for admins too", async () => {
    const s = await makeSchool();
    await expect(authorizeCourse(actorOf(s.admin), "c-missing", "course.view")).rejects.toMatchObject({ code: "not_found" });
  });

  it("reports malformed ids (NUL bytes, quotes, huge strings) as not_found without asking the database", async () => {
    const s = await makeSchool();
    for (const id of [`${s.course.id}\u0000`, "'; DROP TABLE \"Course\"; --", "x".repeat(10_000), ""]) {
      await expect(authorizeCourse(actorOf(s.admin), id, "course.view")).rejects.toMatchObject({ code: "not_found" });
      await expect(authorizeLesson(actorOf(s.admin), id, "course.view")).rejects.toMatchObject({ code: "not_found" });
    }
  });

  it("returns the membership and the allowed actions", async () => {
    const s = await makeSchool();
    const result = await authorizeCourse(actorOf(s.assistant), s.course.id, "course.view");
    expect(result.memberRole).toBe("ASSISTANT");
    expect([...result.actions].sort()).toEqual(["course.view", "feedback.view", "grades.manage", "grades.view", "roster.manage", "roster.view"]);
  });

  it("lists exactly the visible courses of each actor of a school", async () => {
    const s = await makeSchool();
    const otherCourse = await makeCourse(s.otherDept.id, [
      { userId: s.otherTeacher.id, role: "TEACHER" },
      { userId: s.outsider.id, role: "STUDENT" },
    ]);
    // A course in the other department taught by the department admin: visible through membership.
    const taughtByDeptAdmin = await makeCourse(s.otherDept.id, [{ userId: s.deptAdmin.id, role: "TEACHER" }]);
    const ours = [s.course.id, otherCourse.id, taughtByDeptAdmin.id];
    const expected: [string, typeof s.student, string[]][] = [
      ["student", s.student, [s.course.id]],
      ["student2", s.student2, [s.course.id]],
      ["outsider", s.outsider, [otherCourse.id]],
      ["teacher", s.teacher, [s.course.id]],
      ["assistant", s.assistant, [s.course.id]],
      ["otherTeacher", s.otherTeacher, [otherCourse.id]],
      ["deptAdmin", s.deptAdmin, [s.course.id, taughtByDeptAdmin.id]],
      ["otherDeptAdmin", s.otherDeptAdmin, [otherCourse.id, taughtByDeptAdmin.id]],
      ["admin", s.admin, ours],
    ];
    for (const [name, user, ids] of expected) {
      const rows = await db.course.findMany({ where: { id: { in: ours }, ...courseVisibleTo(actorOf(user)) }, select: { id: true } });
      expect(rows.map((r) => r.id).sort(), name).toEqual([...ids].sort());
    }
  });

  it("agrees with the policy table for every role, membership and department", async () => {
    const dept = await makeDepartment();
    const otherDept = await makeDepartment();
    const deptIdOf = { same: dept.id, other: otherDept.id, none: null } as const;
    const actors = await Promise.all(
      ROLES.flatMap((role) =>
        DEPARTMENTS.map(async (relation) => ({ role, relation, actor: actorOf(await makeUser(role, { departmentId: deptIdOf[relation] })) })),
      ),
    );
    // One course per membership kind, every actor holding that membership in it.
    const courses = await Promise.all(
      MEMBERSHIPS.map(async (membership) => {
        const role = memberRoleOf(membership);
        const course = await makeCourse(dept.id, role ? actors.map(({ actor }) => ({ userId: actor.id, role })) : []);
        return { membership, id: course.id };
      }),
    );
    for (const { role, relation, actor } of actors) {
      const visible = await db.course.findMany({
        where: { id: { in: courses.map((c) => c.id) }, ...courseVisibleTo(actor) },
        select: { id: true },
      });
      for (const { membership, id } of courses) {
        const allowed = COURSE_POLICY[role][membership][relation];
        const label = `${role}, member ${membership}, department ${relation}`;
        expect(visible.some((c) => c.id === id), `${label}: visible`).toBe(allowed.includes("course.view"));
        for (const action of ACTIONS) {
          const result = authorizeCourse(actor, id, action);
          if (allowed.includes(action)) await expect(result, `${label}: ${action}`).resolves.toBeDefined();
          else await expect(result, `${label}: ${action}`).rejects.toMatchObject({ code: allowed.length ? "auth.forbidden" : "not_found" });
        }
      }
    }
  });
});
