// The sync engine: the daily cycle per connection, disconnect and clean-up, run reports (and the CLI in cli.ts).
export * from './context';
export * from './report';
export * from './engine';
export * from './inbox';
export * from './rules';
export { BACKFILL_MS } from './steps/validation';
export { ACCOUNT_CSV_HEADER, LEAD_CSV_HEADER } from './steps/autoSave';
