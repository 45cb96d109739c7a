// Filled in by the writeback work; re-exported from ../index.ts.
export {};
