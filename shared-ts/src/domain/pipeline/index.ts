// Pipeline: opportunity stage order, the admin's threshold (or "Not sure"), and each seat holder's auto-save set.
export * from './stages';
export * from './autoSave';
