export * from './limits.ts';
export * from './unreadable-error.ts';
export * from './inspect-package.ts';
export * from './format-number.ts';
export * from './format-date.ts';
export * from './worksheet-to-grid.ts';
export * from './read-workbook.ts';
