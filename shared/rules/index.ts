export * from './types.ts';
export * from './check-grid.ts';
