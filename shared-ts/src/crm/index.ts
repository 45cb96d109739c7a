export * from './gateway';
export * from './config';
