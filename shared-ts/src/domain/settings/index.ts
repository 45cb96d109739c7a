// Filled in by the settings work; re-exported from ../index.ts.
export {};
