// Filled in by the profileUrl work; re-exported from ../index.ts.
export {};
