export * from './marks.ts';
export * from './results-sheet.ts';
export * from './annotate-workbook.ts';
export * from './annotate-bytes.ts';
