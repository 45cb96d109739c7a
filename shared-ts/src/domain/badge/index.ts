// Filled in by the badge work; re-exported from ../index.ts.
export {};
