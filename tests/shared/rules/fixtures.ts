import { parseA1, type Grid } from '../../../shared/grid/index.ts';
import { checkGrid, type Phase } from '../../../shared/rules/index.ts';
import { gridFrom } from '../../helpers/grid-builder.ts';
import { DIVISION_MERGES, DIVISION_ROWS } from '../extract/org-goals-fixture.ts';

type Value = string | number | null;

/** Copies rows and sets cells by A1 address. */
export function edit(rows: readonly (readonly Value[])[], edits: Record<string, Value>): Value[][] {
  const out = rows.map((r) => [...r]);
  for (const [address, value] of Object.entries(edits)) {
    const { row, col } = parseA1(address)!;
    while (out.length <= row) out.push([]);
    const line = out[row]!;
    while (line.length <= col) line.push(null);
    line[col] = value;
  }
  return out;
}

/** The 健康福祉課-like division sheet with some cells changed. */
export function division(edits: Record<string, Value> = {}): Grid {
  return gridFrom('健康福祉課', edit(DIVISION_ROWS, edits), DIVISION_MERGES);
}

export const WARD_ROWS: Value[][] = [
  ['令和２年度 秋葉区組織目標'],
  ['組織名', '秋葉区', null, '区長', '秋葉区長 夏目 久義'],
  ['組織の目的', '区の将来像を実現するため、秋葉区の特性を生かしたまちづくりを推進します。'],
  ['重点目標', '1', '産学官及び地域等と連携し、まちなか活性化を進めます。'],
  [null, '2', '住民主体の地域活動の深化に向け、地域づくりを推進します。'],
  [null, '3', '健康づくりや福祉課題を解決する取り組みを推進します。'],
  ['取組結果', null, null],
  ['重点目標の達成状況', '目標数', '3', '達成数', null],
];

/** A ward sheet (重点目標 1–3, 目標数/達成数) with some cells changed. */
export function ward(edits: Record<string, Value> = {}): Grid {
  return gridFrom('秋葉区組織目標', edit(WARD_ROWS, edits), ['A4:A6']);
}

/** `code cell` of every finding, for compact assertions. */
export function found(grid: Grid, phase?: Phase): string[] {
  return checkGrid(grid, phase ? { phase } : {}).findings.map((f) => `${f.code} ${f.cell ?? '-'}`);
}

export function codes(grid: Grid, phase?: Phase): string[] {
  return checkGrid(grid, phase ? { phase } : {}).findings.map((f) => f.code);
}
