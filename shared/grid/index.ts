export * from './address.ts';
export * from './grid.ts';
export * from './grid-view.ts';
