export * from './source';
export * from './errors';
export * from './config';
