// The benchmark corpus: N division workbooks made from the seed forms, varied deterministically, cached
// under bench/out/corpus/ and reused between runs (workbook i is always the same bytes).
import { existsSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import {
  loadOrgGoalsData,
  type DivisionSheet,
  type Indicator,
  type OrgGoalsSeed,
} from '../seed-src/build/org-goals-data.ts';
import { divisionWorkbook, workbookBytes } from '../seed-src/build/org-goals.ts';
import { fullWidthDigits, insertColumns, insertRowsAbove, toFullWidthDigits } from '../tests/helpers/relayout.ts';
import { Prng } from './prng.ts';

/** Bump when the generator changes so stale caches are rebuilt. */
export const CORPUS_VERSION = 1;

const SEEDS_DIR = new URL('../seeds/', import.meta.url);
/** Seed workbooks of the other families (and the ward sheet) mixed into the corpus, re-laid-out. */
const OTHER_SEEDS = [
  'org-goals/akiha-2020-ward.xlsx',
  'action-plan/nishi-2021-2022.xlsx',
  'policy-review/policy-review-kita-2015.xlsx',
  'plan-measures/suzaka-2025-goal-7.xlsx',
];
/** Share of the corpus that is not an org-goals division sheet. */
const OTHER_SHARE = 0.1;

const DIVISION_BASES = [
  '地域総務課',
  '健康福祉課',
  '産業振興課',
  '区民生活課',
  '建設課',
  '保険年金課',
  '農政商工課',
  '税務課',
  '教育支援課',
  '子ども家庭課',
  '環境対策課',
  '文化スポーツ課',
];

export interface Corpus {
  dir: string;
  files: string[];
}

interface Sources {
  orgGoals: OrgGoalsSeed;
  indicators: Indicator[];
  others: { name: string; bytes: Buffer }[];
}

let sources: Promise<Sources> | undefined;

function loadSources(): Promise<Sources> {
  sources ??= (async () => {
    const orgGoals = await loadOrgGoalsData();
    const indicators = orgGoals.divisions.flatMap((d) => d.goals.flatMap((g) => g.indicators));
    const others = await Promise.all(
      OTHER_SEEDS.map(async (name) => ({ name, bytes: await readFile(new URL(name, SEEDS_DIR)) })),
    );
    return { orgGoals, indicators, others };
  })();
  return sources;
}

/** Era header for a fiscal year as divisions write them: Ｈ30実績, R1実績, R2目標. */
function eraYear(year: number, rnd: Prng): string {
  if (year <= 2018) return `${rnd.chance(0.5) ? 'Ｈ' : 'H'}${year - 1988}`;
  return `R${year - 2018}`;
}

function yearHeader(year: number, kind: string, era: boolean, rnd: Prng): string {
  return `${era ? eraYear(year, rnd) : String(year)}${kind}`;
}

/** A number typed the ways staff type it: plain, with separators, full-width, with a unit or comparator. */
function typedNumber(base: number, rnd: Prng): string {
  const value = Math.max(0, Math.round(base * (0.6 + rnd.next() * 0.8)));
  const text = rnd.chance(0.3) ? value.toLocaleString('en-US') : String(value);
  const roll = rnd.next();
  if (roll < 0.1) return fullWidthDigits(text);
  if (roll < 0.14) return `${text}以上`;
  return text;
}

function variedIndicator(source: Indicator, rnd: Prng, evaluated: boolean): Indicator {
  const numbers = [...source.actuals, source.target]
    .map((t) => Number(t.replace(/[,，]/g, '')))
    .filter((n) => Number.isFinite(n) && n > 0);
  const base = numbers.length > 0 ? numbers[numbers.length - 1]! : 0;
  const cell = (original: string): string => {
    if (base === 0) return original;
    if (rnd.chance(0.06)) return rnd.pick(['－', '―', '']);
    return typedNumber(base, rnd);
  };
  const actuals: [string, string, string] = [cell(source.actuals[0]), cell(source.actuals[1]), cell(source.actuals[2])];
  const target = base === 0 ? source.target : typedNumber(base, rnd);
  return {
    label: source.label,
    actuals,
    target,
    result: evaluated ? cell(source.target) : '',
    note: source.note,
    evaluation: evaluated && base > 0 ? rnd.pick(['達成', '未達成', '']) : '',
  };
}

/** One division sheet: 1–5 goals of 1–4 indicators drawn from the seed's, values and headers varied. */
function divisionSheet(i: number, src: Sources, rnd: Prng): DivisionSheet {
  const template = rnd.pick(src.orgGoals.divisions);
  const fiscalYear = rnd.int(2019, 2024);
  const era = rnd.chance(0.6);
  const evaluated = rnd.chance(0.5);
  const division = `${DIVISION_BASES[i % DIVISION_BASES.length]}${Math.floor(i / DIVISION_BASES.length) + 1}`;
  const goals = Array.from({ length: rnd.int(1, 5) }, (_, g) => {
    const goal = rnd.pick(template.goals.length > 0 ? template.goals : src.orgGoals.divisions[0]!.goals);
    return {
      ...goal,
      no: g + 1,
      indicators: Array.from({ length: rnd.int(1, 4) }, () =>
        variedIndicator(rnd.pick(src.indicators), rnd, evaluated),
      ),
    };
  });
  return {
    ...template,
    file: `wb-${String(i).padStart(5, '0')}.xlsx`,
    sheetName: division,
    division,
    fiscalYear: era ? `令和${fiscalYear - 2018}年度` : String(fiscalYear),
    yearHeaders: {
      actuals: [
        yearHeader(fiscalYear - 3, '実績', era, rnd),
        yearHeader(fiscalYear - 2, '実績', era, rnd),
        yearHeader(fiscalYear - 1, '実績', era, rnd),
      ],
      target: yearHeader(fiscalYear, '目標', era, rnd),
      result: yearHeader(fiscalYear, '結果', era, rnd),
    },
    goals,
  };
}

/** Staff re-layouts: rows above the form, a column in front of it, full-width digits throughout. */
function relayout(wb: ExcelJS.Workbook, rnd: Prng): void {
  for (const ws of wb.worksheets) {
    if (rnd.chance(0.15)) insertRowsAbove(ws, 1, rnd.int(1, 3));
    if (rnd.chance(0.1)) insertColumns(ws, 1, 1);
    if (rnd.chance(0.1)) toFullWidthDigits(ws);
  }
}

/** The division corpus workbook `i` is written for, or null for the other families' sheets. */
export function corpusDivision(i: number): string | null {
  if (new Prng(0x5eed + i * 7919).chance(OTHER_SHARE)) return null;
  return `${DIVISION_BASES[i % DIVISION_BASES.length]}${Math.floor(i / DIVISION_BASES.length) + 1}`;
}

/** The bytes of corpus workbook `i`: the same on every run and machine. */
export async function corpusWorkbook(i: number): Promise<Buffer> {
  const src = await loadSources();
  const rnd = new Prng(0x5eed + i * 7919);
  let wb: ExcelJS.Workbook;
  if (rnd.chance(OTHER_SHARE)) {
    const other = rnd.pick(src.others);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(other.bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } else {
    wb = divisionWorkbook(divisionSheet(i, src, rnd));
  }
  relayout(wb, rnd);
  return workbookBytes(wb);
}

const OUT = new URL('./out/', import.meta.url).pathname;

/** The pool every N draws from: bench/out/corpus/v<version>/wb-<i>.xlsx. */
export function poolDir(root = OUT): string {
  return join(root, 'corpus', `v${CORPUS_VERSION}`);
}

/**
 * A folder holding the first `n` corpus workbooks (hard links into the pool), generating the missing ones.
 * `onProgress` hears about generated workbooks only.
 */
export async function ensureCorpus(
  n: number,
  options: { root?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<Corpus> {
  const pool = poolDir(options.root);
  await mkdir(pool, { recursive: true });
  const have = new Set(await readdir(pool));
  const names = Array.from({ length: n }, (_, i) => `wb-${String(i).padStart(5, '0')}.xlsx`);
  const missing = names.filter((name) => !have.has(name));
  for (const [k, name] of missing.entries()) {
    const i = Number(name.slice(3, 8));
    const tmp = join(pool, `.${name}.tmp`);
    await writeFile(tmp, await corpusWorkbook(i));
    await rm(join(pool, name), { force: true });
    await link(tmp, join(pool, name));
    await rm(tmp);
    options.onProgress?.(k + 1, missing.length);
  }
  const dir = join(options.root ?? OUT, 'corpus', `n${n}`);
  if (!existsSync(dir) || (await readdir(dir)).length !== n) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    for (const name of names) await link(join(pool, name), join(dir, name));
  }
  return { dir, files: names.map((name) => join(dir, name)) };
}
