export * from './backoff';
export * from './redact';
export * from './secretNames';
export * from './serverTime';
export * from './csv';
