export * from './source';
export * from './errors';
export * from './config';
export * from './syncServices';
export * from './fileSource';
export * from './exportRows';
export * from './restli';
