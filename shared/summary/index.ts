export * from './types.ts';
export * from './judge.ts';
export * from './latest.ts';
export * from './ward-rollup.ts';
export * from './build-summary.ts';
export * from './excluded.ts';
export * from './overview.ts';
export * from './figure.ts';
