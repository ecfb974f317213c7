// Value reading: parseValue over every string in the seed transcriptions, each in several typings.
import { readdir, readFile } from 'node:fs/promises';
import { parseValue } from '../../shared/values/index.ts';
import { fullWidthDigits } from '../../tests/helpers/relayout.ts';
import { cpuNow } from '../measure.ts';

export interface ValuesResult {
  strings: number;
  stringsPerSecond: number;
}

const DATA = new URL('../../seed-src/data/', import.meta.url);

function leaves(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) leaves(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) leaves(v, out);
}

/** Every seed value string (short cells, as values are) × plain, full-width, comparator and era-year typings. */
export async function seedValueStrings(): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(DATA)).filter((n) => n.endsWith('.json')).sort())
    leaves(JSON.parse(await readFile(new URL(name, DATA), 'utf8')), out);
  const values = [...new Set(out.filter((s) => s.length <= 40))];
  return values.flatMap((s) => [s, fullWidthDigits(s), `${s}以上`, `R2年度 ${s}`]);
}

/** Runs the reader over the strings for at least `minMs` and reports strings per second of CPU time. */
export async function runValues(minMs: number): Promise<ValuesResult> {
  const strings = await seedValueStrings();
  for (const s of strings) parseValue(s);
  let count = 0;
  const start = cpuNow();
  while (cpuNow() - start < minMs) {
    for (const s of strings) parseValue(s);
    count += strings.length;
  }
  return { strings: strings.length, stringsPerSecond: count / ((cpuNow() - start) / 1000) };
}
