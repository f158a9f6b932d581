import type { loadResults } from "@/lib/gradebook/load-results";

type CourseResults = Awaited<ReturnType<typeof loadResults>>;

export interface GradebookSummaryRow {
  assessmentItemId: string;
  name: string;
  weight: number;
  /** The work counting towards the item as the gradebook counts it: published quizzes, released homework and peer reviews. */
  quizzes: number;
  homework: number;
  peerReviews: number;
  /** Students with a result in the item. */
  students: number;
  /** The mean of those students' item percents, exactly as the gradebook shows them (0–100). */
  average: number | null;
}

export interface GradebookSummary {
  items: GradebookSummaryRow[];
  /** The students' running totals by the assessment scheme: how many have one, and their mean. */
  total: { students: number; average: number | null };
  schemeComplete: boolean;
}

const mean = (values: readonly number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null);

/**
 * 成绩册概览: the course gradebook's columns averaged over its students. Built from the gradebook's own loader
 * (lib/gradebook/load-results.ts), so the dashboard and the gradebook can never compute a grade two ways.
 */
export function summarizeGradebook(results: CourseResults): GradebookSummary {
  const countOf = (itemId: string, kind: "quiz" | "homework" | "peer") =>
    results.activities.filter((activity) => activity.itemId === itemId && activity.kind === kind).length;
  const items = results.items.map((item, i) => {
    const percents = results.students.flatMap((student) => {
      const percent = student.items[i].percent;
      return percent === null ? [] : [percent];
    });
    return {
      assessmentItemId: item.id,
      name: item.name,
      weight: item.weight,
      quizzes: countOf(item.id, "quiz"),
      homework: countOf(item.id, "homework"),
      peerReviews: countOf(item.id, "peer"),
      students: percents.length,
      average: mean(percents),
    };
  });
  const totals = results.students.flatMap((student) => (student.total === null ? [] : [student.total]));
  return { items, total: { students: totals.length, average: mean(totals) }, schemeComplete: results.schemeComplete };
}
