export * from './random';
export * from './names';
export * from './ids';
export * from './dataset';
export * from './exportFile';
export * from './reportPage';
