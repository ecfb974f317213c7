import { availableParallelism } from 'node:os';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusWorkbook } from '../../../bench/corpus.ts';
import { readWorkbookFile } from '../../../worker/xlsx/index.ts';
import { consolidateFiles } from '../../../worker/summary/consolidate-files.ts';
import { defaultThreads, ingestAll, ingestFiles } from '../../../worker/ingest/parallel-ingest.ts';
import { threadBundle } from '../../../worker/ingest/thread-bundle.ts';

let dir: string;
let files: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mokuhyo-parallel-'));
  files = [];
  for (let i = 0; i < 12; i++) {
    const file = join(dir, `wb-${i}.xlsx`);
    await writeFile(file, await corpusWorkbook(i));
    files.push(file);
  }
  const broken = join(dir, 'broken.xlsx');
  await writeFile(broken, 'not a workbook');
  files.push(broken, join(dir, 'missing.xlsx'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ingestFiles', () => {
  it('gives the same submissions, in job order, on 1 and on 2 threads', async () => {
    const jobs = files.map((file) => ({ file, link: file.slice(dir.length + 1) }));
    const one = await ingestAll(jobs, { threads: 1 });
    const two = await ingestAll(jobs, { threads: 2 });
    expect(two).toEqual(one);
    expect(one.map((s) => s.file)).toEqual(files);
    expect(one.slice(-2).map((s) => [s.status, s.error?.code])).toEqual([
      ['unreadable', 'not-zip'],
      ['unreadable', 'not-found'],
    ]);
    expect(one.filter((s) => s.status === 'accepted').length).toBeGreaterThan(6);
  });

  it('reports progress once per file and yields every index once', async () => {
    const seen: number[] = [];
    const progress: number[] = [];
    for await (const { index } of ingestFiles(
      files.map((file) => ({ file })),
      { threads: 2, onProgress: (done) => progress.push(done) },
    ))
      seen.push(index);
    expect(seen.sort((a, b) => a - b)).toEqual(files.map((_, i) => i));
    expect(progress).toEqual(files.map((_, i) => i + 1));
  });

  it('keeps small batches in this thread', () => {
    expect(defaultThreads(3)).toBe(1);
    expect(defaultThreads(300)).toBe(1);
    expect(defaultThreads(3000)).toBeGreaterThanOrEqual(Math.min(2, availableParallelism()));
  });
});

describe('threadBundle', () => {
  it('bundles the project sources of the thread entry once and leaves packages external', async () => {
    const url = await threadBundle();
    expect(url).not.toBeNull();
    expect(await threadBundle()).toBe(url);
    const code = await readFile(new URL(url!), 'utf8');
    expect(code).not.toMatch(/from ["'][^"']+\.ts["']/);
    expect(code).toMatch(/from ["']yauzl["']/);
    expect(code).toContain('parentPort');
  });
});

describe('consolidateFiles with threads', () => {
  it('writes identical summaries with 1 and with 2 threads', async () => {
    const run = async (threads: number) => {
      const output = join(dir, `summary-${threads}.xlsx`);
      const { model } = await consolidateFiles(files, {
        output,
        ward: null,
        fiscalYear: null,
        expectedDivisions: [],
        now: new Date('2020-04-01T00:00:00Z'),
        threads,
      });
      // Each grid names the file it was read from; the two files differ by name only.
      const grids = (await readWorkbookFile(output)).grids.map(({ workbook: _file, ...grid }) => grid);
      return { model, sheets: grids };
    };
    const one = await run(1);
    const two = await run(2);
    expect(two.model).toEqual(one.model);
    expect(two.sheets).toEqual(one.sheets);
    expect(one.model.tables.reduce((n, t) => n + t.rows.length, 0)).toBeGreaterThan(20);
  });
});
