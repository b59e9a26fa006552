export * from './db/index.ts';
export * from './domain/index.ts';
