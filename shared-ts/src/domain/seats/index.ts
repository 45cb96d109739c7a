// Filled in by the seats work; re-exported from ../index.ts.
export {};
