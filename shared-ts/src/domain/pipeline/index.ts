// Filled in by the pipeline work; re-exported from ../index.ts.
export {};
