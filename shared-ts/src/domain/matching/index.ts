// Filled in by the matching work; re-exported from ../index.ts.
export {};
