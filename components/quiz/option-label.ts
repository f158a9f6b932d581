/** Options are labelled by position (A, B, C …) in the order this attempt shows them, whatever their bank keys. */
export const positionalLabel = (index: number) => String.fromCharCode(65 + index);
