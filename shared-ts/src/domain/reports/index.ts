// Filled in by the reports work; re-exported from ../index.ts.
export {};
