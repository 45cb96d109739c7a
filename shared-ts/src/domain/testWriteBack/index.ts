// Filled in by the testWriteBack work; re-exported from ../index.ts.
export {};
