/** What the roster's client components receive from the page (plain data, no server types). */
export interface RosterGroupOption {
  id: string;
  name: string;
}

export interface RosterStudentRow {
  userId: string;
  no: string;
  name: string;
  className: string | null;
  groupId: string | null;
}
