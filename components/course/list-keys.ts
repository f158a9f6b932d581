// Rows of the list editors need keys that survive reordering; a counter is enough within one page.
let lastKey = 0;
export const nextRowKey = (): number => ++lastKey;
