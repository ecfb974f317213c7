import { a1, type Grid } from '../grid/index.ts';
import type { FieldValue } from '../model/record.ts';
import { parseFiscalYear } from '../values/index.ts';
import { normalizeText } from '../values/normalize.ts';
import type { SheetIndex } from './sheet-index.ts';

/**
 * Where a sheet's body or year was read, in the words the summary shows (「団体名の出所: 表題」): a labelled
 * cell of the form (記入欄), the title line (表題), the sheet's tab (シート名), a 所属 cell that names the
 * body before the division (所属欄), or the workbook's file name (ファイル名) as the last resort.
 */
export type IdentitySource = '記入欄' | NonNullable<FieldValue['source']>;

/** A field value read from somewhere other than its labelled cell, with where. */
export interface FoundValue extends FieldValue {
  source: NonNullable<FieldValue['source']>;
}

/**
 * Header fields that name the body a sheet reports to, most specific first: the ward a form names
 * (実施計画, 自己評価), the department of a division sheet (組織目標: 秋葉区役所), the organisation of a
 * body's own sheet (区の組織目標, 方針書), and the body read elsewhere on the sheet (`body`, see findBody).
 */
export const BODY_FIELDS = ['ward', 'municipality', 'department', 'organization', 'body'] as const;

/** Words ending in 区 that name no ward (地区交流センター, 校区, 選挙区…). */
const NOT_A_WARD = /^(地|校|学|各|全|当|本|特|選挙|行政|一|二|三|小|中|市)区$/;

/**
 * A body named inside a text: a ward with or without its city ("江南区", "大阪市西成区", "北区役所"), or an
 * office of a city (増田地域局, 山内支所). Null when none, or when two different bodies are named.
 */
export function bodyInText(text: string): string | null {
  const t = normalizeText(text);
  const found = new Set<string>();
  for (const m of t.matchAll(
    /(?:[一-龥ぁ-んァ-ヶ]{1,4}?[市])?([一-龥ぁ-んァ-ヶ]{1,4}?区)(?=役所|[^民政役分画域間切内外長]|$)/g,
  )) {
    const ward = m[1]!;
    if (!NOT_A_WARD.test(ward) && !/^区/.test(ward)) found.add(ward);
  }
  for (const m of t.matchAll(
    /(?:^|[\s\u3000(（「])(?:[^\s\u3000(（「]{1,8}?部[\s\u3000]+)?([一-龥ぁ-んァ-ヶ]{1,6}?(?:地域局|支所|総合支所|出張所))/g,
  ))
    found.add(m[1]!);
  return found.size === 1 ? [...found][0]! : null;
}

const DIVISION_WORD = /^[一-龥ぁ-んァ-ヶー]{1,12}?(?:課|室|係|センター|事務所|支所|出張所)$/;

/**
 * A division named inside a short text (a title 「組織目標管理シート（東区 健康福祉課）」, a tab, a file name
 * 「区民生活課.xlsx」): a word ending in 課, 室, センター…, its body before it dropped (「東区地域課」 → 地域課).
 * Null when none, or when two different divisions are named.
 */
export function divisionInText(text: string): string | null {
  const found = new Set<string>();
  const t = normalizeText(text).replace(/\.[A-Za-z0-9]+$/, '');
  for (const token of t.split(/[\s\u3000_()（）「」【】[\]・,、.\-－]+/)) {
    let word = token.replace(/^.*?(?:年度|[0-9])/, '');
    const body = bodyInText(word);
    if (body && word.startsWith(body)) word = word.slice(body.length).replace(/^役所/, '');
    if (word.length >= 2 && DIVISION_WORD.test(word) && !/^(区民|組織|区役所)$/.test(word)) found.add(word);
  }
  return found.size === 1 ? [...found][0]! : null;
}

/**
 * The division of a division's sheet whose labelled cells name none: from its title (above `tableRow`), its
 * tab, then its file name.
 */
export function findDivision(index: SheetIndex, grid: Grid, tableRow: number): FoundValue | undefined {
  for (const title of titleCells(index, tableRow)) {
    const division = divisionInText(title.text);
    if (division) return { value: division, cell: title.cell, source: '表題' };
  }
  const fromTab = divisionInText(grid.sheet);
  if (fromTab) return { value: fromTab, cell: '', source: 'シート名' };
  const fromFile = grid.workbook ? divisionInText(baseName(grid.workbook)) : null;
  if (fromFile) return { value: fromFile, cell: '', source: 'ファイル名' };
  return undefined;
}

/** A fiscal year named in a short text (a title, a tab, a file name): "令和3年度", "R3", "2021", "h27". */
export function fiscalYearInText(text: string, loose = false): number | null {
  const t = normalizeText(text);
  const strict = parseFiscalYear(t);
  if (strict !== null) return strict;
  if (!loose) return null;
  const years = new Set<number>();
  for (const m of t.matchAll(/(?<![A-Za-z0-9])([RrHh])(元|\d{1,2})(?![0-9])/g)) {
    const n = m[2] === '元' ? 1 : Number(m[2]);
    years.add(/[Rr]/.test(m[1]!) ? 2018 + n : 1988 + n);
  }
  for (const m of t.matchAll(/(?<!\d)(20\d{2})(?!\d)/g)) years.add(Number(m[1]));
  return years.size === 1 ? [...years][0]! : null;
}

/** The text lines of the top of a sheet, where a title sits: its first four rows, above the first table. */
function titleCells(index: SheetIndex, tableRow: number): { text: string; cell: string }[] {
  const first = index.cells[0]?.row ?? 0;
  return index.cells
    .filter((c) => c.row <= first + 3 && c.row < tableRow && c.text.length >= 4)
    .map((c) => ({ text: c.text, cell: a1(c.row, c.col) }));
}

/**
 * The body of a sheet whose labelled cells name none: from its title (above `tableRow`, the first table's
 * header), its tab, a 所属 value naming the body before the division ("南区建設課", "中央区役所 産業振興課"),
 * then its file name.
 */
export function findBody(
  index: SheetIndex,
  grid: Grid,
  affiliations: readonly FieldValue[],
  tableRow: number,
): FoundValue | undefined {
  // A 所属 value in the top rows is a 所属 cell, not a title: it is read (and named) as 所属欄 below.
  const own = new Set(affiliations.map((f) => f.cell));
  for (const title of titleCells(index, tableRow).filter((t) => !own.has(t.cell))) {
    const body = bodyInText(title.text);
    if (body) return { value: body, cell: title.cell, source: '表題' };
  }
  const fromTab = bodyInText(grid.sheet);
  if (fromTab) return { value: fromTab, cell: '', source: 'シート名' };
  for (const field of affiliations) {
    const body = bodyInText(field.value);
    if (body) return { value: body, cell: field.cell, source: '所属欄' };
  }
  const fromFile = grid.workbook ? bodyInText(baseName(grid.workbook)) : null;
  if (fromFile) return { value: fromFile, cell: '', source: 'ファイル名' };
  return undefined;
}

/**
 * The fiscal year of a sheet whose labelled cells name none: its title, its tab, then `fromTables` (the form's
 * own target years, as a 施策シート names only those), then its file name.
 */
export function findFiscalYear(
  index: SheetIndex,
  grid: Grid,
  fromTables: number | null,
  tableRow: number,
): (FoundValue & { year: number }) | { year: number; source: null } | undefined {
  for (const title of titleCells(index, tableRow)) {
    const year = fiscalYearInText(title.text);
    if (year !== null) return { value: title.text, cell: title.cell, source: '表題', year };
  }
  const fromTab = fiscalYearInText(grid.sheet, true);
  if (fromTab !== null) return { value: grid.sheet, cell: '', source: 'シート名', year: fromTab };
  if (fromTables !== null) return { year: fromTables, source: null };
  const file = grid.workbook ? baseName(grid.workbook).replace(/\.[A-Za-z0-9]+$/, '') : '';
  const fromFile = file ? fiscalYearInText(file, true) : null;
  if (fromFile !== null) return { value: file, cell: '', source: 'ファイル名', year: fromFile };
  return undefined;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
