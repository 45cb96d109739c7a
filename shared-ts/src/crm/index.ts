export * from './gateway';
export * from './config';
export * from './redact';
