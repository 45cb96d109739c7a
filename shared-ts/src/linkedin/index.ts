// Filled in by the linkedin work.
export {};
