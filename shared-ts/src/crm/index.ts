// Filled in by the crm work.
export {};
