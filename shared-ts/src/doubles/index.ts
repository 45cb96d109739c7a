export * from './server';
export * from './linkedinDouble';
