// Filled in by the validation work; re-exported from ../index.ts.
export {};
