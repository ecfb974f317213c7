export * from './extract-sheet.ts';
export * from './detect.ts';
export * from './label.ts';
export * from './label-unit.ts';
export * from './sheet-index.ts';
export * from './table.ts';
export * from './tool-sheets.ts';
