export * from './backoff';
export * from './redact';
