/** Student-portal URLs of the mistake book. */
export const MISTAKES_PATH = "/student/mistakes";
export const REVIEW_PATH = "/student/mistakes/review";

export const reviewPathFor = (courseId?: string) => (courseId ? `${REVIEW_PATH}?course=${encodeURIComponent(courseId)}` : REVIEW_PATH);
