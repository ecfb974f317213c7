// Issue 21, items 1 and 5: one set of structural limits for every reader of submitted bytes (the intake's
// check, the worker's ingest, the console's 確認 and marked copies, `validate --annotate`), and the marked
// copy made in the sandbox's child, never in `serve`. Each hostile workbook is a few KB.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotateBytes, EXCEL_MAX_CELL_CHARS, TRUNCATED_MARK } from '../../worker/annotate/index.ts';
import { ingestWorkbook } from '../../worker/queue/ingest-workbook.ts';
import { readWorkbook } from '../../worker/xlsx/index.ts';
import { readZipEntries } from '../helpers/zip-reader.ts';
import { zip } from '../helpers/zip-writer.ts';
import { ROOT, startCluster, TOKENS, XLSX, type Cluster } from '../faults/cluster.ts';
import { findRedisServer } from '../worker/queue/redis-server.ts';

const SEED = join(ROOT, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx');
const SHEET = 'xl/worksheets/sheet1.xml';
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const binary = await findRedisServer();

/** The seed with its sheet XML (or another part) rewritten, and optionally extra parts. */
async function seedWith(
  edit: (xml: string) => string,
  part = SHEET,
  extra: { name: string; content: string | Buffer }[] = [],
): Promise<Buffer> {
  const parts = (await readZipEntries(await readFile(SEED))).map((p) =>
    p.name === part ? { name: p.name, content: edit(p.content.toString('utf8')) } : p,
  );
  return zip([...parts, ...extra]);
}

/** The same package with one entry's local-header name changed (central directory untouched). */
function renameLocal(bytes: Buffer, from: string, to: string): Buffer {
  const out = Buffer.from(bytes);
  const at = out.indexOf(Buffer.from(from, 'utf8'));
  Buffer.from(to, 'utf8').copy(out, at);
  return out;
}

const CASES: { name: string; code: string; build: () => Promise<Buffer> }[] = [
  {
    name: 'a <col> spanning a billion columns',
    code: 'too-many-cells',
    build: () =>
      seedWith((x) => x.replace('<sheetData>', '<cols><col min="11" max="1000000000" width="9"/></cols><sheetData>')),
  },
  {
    name: 'many <col> elements that together span far more than a sheet',
    code: 'too-many-cells',
    build: () =>
      seedWith((x) =>
        x.replace('<sheetData>', `<cols>${'<col min="1" max="16384" width="9"/>'.repeat(400)}</cols><sheetData>`),
      ),
  },
  {
    name: 'one merged range of three million cells',
    code: 'too-many-cells',
    build: () =>
      seedWith((x) => x.replace(/<mergeCells count="(\d+)">/, '<mergeCells count="$1"><mergeCell ref="M1:O1000000"/>')),
  },
  {
    name: 'a row beyond Excel’s last row',
    code: 'too-many-cells',
    build: () =>
      seedWith((x) =>
        x.replace('</sheetData>', '<row r="2000000000"><c r="A2000000000"><v>1</v></c></row></sheetData>'),
      ),
  },
  {
    name: 'a sheet whose XML is cut short inside a valid zip',
    code: 'corrupt',
    build: () => seedWith((x) => x.slice(0, Math.floor(x.length * 0.6))),
  },
  {
    name: 'a sheet whose XML has a tag that never closes',
    code: 'corrupt',
    build: () => seedWith((x) => x.replace('<sheetData>', `<sheetData><row r="1" ${'x'.repeat(9000)}`)),
  },
  {
    name: 'central and local names that differ',
    code: 'corrupt',
    build: async () => renameLocal(await readFile(SEED), 'docProps/app.xml', 'docProps/app.htm'),
  },
  // 100,000 elements nested in a sheet, in the shared strings, and behind quoted "/>" (tests/fixtures).
  ...['deep-sheet', 'deep-shared-strings', 'deep-quoted-gt'].map((fixture) => ({
    name: `XML nested 100,000 deep (error.${fixture}.xlsx)`,
    code: 'too-many-cells',
    build: () => readFile(join(ROOT, `tests/fixtures/error.${fixture}.xlsx`)),
  })),
  {
    name: 'a VBA project',
    code: 'macro',
    build: () => seedWith((x) => x, SHEET, [{ name: 'xl/vbaProject.bin', content: Buffer.alloc(512, 1) }]),
  },
  {
    name: 'an Excel 4 macro sheet declared at a worksheet path',
    code: 'macro',
    build: () =>
      seedWith(
        (x) =>
          x.replace(
            '</Types>',
            '<Override PartName="/xl/worksheets/sheet9.xml" ContentType="application/vnd.ms-excel.macrosheet+xml"/></Types>',
          ),
        '[Content_Types].xml',
        [{ name: 'xl/worksheets/sheet9.xml', content: Buffer.from('<xm:macrosheet xmlns:xm="x"/>') }],
      ),
  },
  {
    name: 'an ActiveX control',
    code: 'macro',
    build: () =>
      seedWith((x) => x, SHEET, [
        { name: 'xl/activeX/activeX1.xml', content: Buffer.from('<ax:ocx xmlns:ax="x"/>') },
        { name: 'xl/activeX/activeX1.bin', content: Buffer.alloc(512, 2) },
      ]),
  },
  {
    name: 'a macro-enabled content type',
    code: 'macro',
    build: () =>
      seedWith(
        (x) => x.replace('spreadsheetml.sheet.main+xml', 'ms-excel.sheet.macroEnabled.main+xml'),
        '[Content_Types].xml',
      ),
  },
];

describe('one set of workbook limits for every reader', () => {
  const built = new Map<string, Buffer>();
  beforeAll(async () => {
    for (const c of CASES) built.set(c.name, await c.build());
  });

  it.each(CASES)('refuses $name in the reader and in the marked copy, with a Japanese reason', async (c) => {
    const bytes = built.get(c.name)!;
    expect(bytes.length).toBeLessThan(64 * 1024);
    const t0 = performance.now();
    const read = await ingestWorkbook(bytes);
    expect(read.status).toBe('unreadable');
    expect(read.error?.code).toBe(c.code);
    expect(read.error?.message).toMatch(JAPANESE);
    await expect(annotateBytes(bytes, [])).rejects.toMatchObject({ code: c.code });
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it('still reads the seed, and every limit leaves a real form untouched', async () => {
    const { grids } = await readWorkbook(await readFile(SEED));
    expect(grids.length).toBe(1);
    const copy = await annotateBytes(await readFile(SEED), []);
    expect((await readWorkbook(copy)).grids[0]!.sheet).toBe(grids[0]!.sheet);
  });

  it('shortens a 40,000-character cell to Excel’s 32,767 with a visible mark in the marked copy', async () => {
    const long = 'あ'.repeat(40_000);
    const bytes = await seedWith((x) =>
      x.replace('</sheetData>', `<row r="30"><c r="A30" t="inlineStr"><is><t>${long}</t></is></c></row></sheetData>`),
    );
    const copy = await annotateBytes(bytes, []);
    const cell = (await readWorkbook(copy)).grids[0]!.rows[29]![0]!;
    const text = String((cell as { text?: string; value?: unknown }).text ?? (cell as { value?: unknown }).value);
    expect(text.length).toBe(EXCEL_MAX_CELL_CHARS);
    expect(text.endsWith(TRUNCATED_MARK)).toBe(true);
  });
});

const DEEP = ['deep-sheet', 'deep-shared-strings', 'deep-quoted-gt'].map((f) =>
  join(ROOT, `tests/fixtures/error.${f}.xlsx`),
);
const NESTING = /入れ子が深すぎます/;

describe('XML nested 100,000 deep, through the command line', () => {
  it('consolidate lists each such file as 読込不可 with the nesting reason and still summarises the rest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mokuhyo-deep-'));
    try {
      await mkdir(join(dir, 'in'));
      for (const f of [...DEEP, SEED]) await copyFile(f, join(dir, 'in', basename(f)));
      const t0 = performance.now();
      const run = await cli(['consolidate', join(dir, 'in'), '-o', join(dir, 'out', 'summary.xlsx')]);
      expect(performance.now() - t0).toBeLessThan(20_000);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/読込不可 3 件/);
      for (const f of DEEP)
        expect(run.stdout).toMatch(new RegExp(`${basename(f)}: ブック内の XML（[^）]+）の要素の入れ子が深すぎます`));
      expect(run.stdout).toMatch(/健康福祉課: 受理/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('validate --annotate refuses to mark them, exit 2, with the reason', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mokuhyo-deep-'));
    try {
      for (const f of DEEP) {
        const run = await cli(['validate', f, '--annotate', join(dir, `${basename(f)}.marked.xlsx`)]);
        expect(run.code).toBe(2);
        expect(run.stdout + run.stderr).toMatch(NESTING);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin/mokuhyo.js'), ...args],
      { maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) =>
        done({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
    );
  });
}

describe.skipIf(!binary)('the marked copy against a real serve', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(binary!, { workers: 0 });
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it('answers 422 to a 10 KB workbook with a billion-column <col> on both check routes, and serve stays up', async () => {
    const bytes = await CASES[0]!.build();
    for (const path of ['/api/console/check/annotated', '/api/console/check']) {
      const res = await fetch(`${cluster.base}${path}`, {
        method: 'POST',
        body: new Uint8Array(bytes),
        headers: { 'content-type': XLSX, authorization: `Bearer ${TOKENS.kenko}`, origin: cluster.base },
      });
      const body = (await res.json()) as {
        error?: { code: string; message: string };
        status?: string;
        reason?: string;
      };
      if (path.endsWith('annotated')) {
        expect(res.status).toBe(422);
        expect(body.error?.message).toMatch(/列/);
      } else {
        expect(res.status).toBe(200);
        expect(body.status).toBe('unreadable');
        expect(body.reason).toMatch(/列/);
      }
      const t0 = performance.now();
      expect((await fetch(`${cluster.base}/healthz`)).status).toBe(200);
      expect(performance.now() - t0).toBeLessThan(500);
    }
    expect(cluster.serve.child.exitCode).toBeNull();
  }, 60_000);

  it('refuses XML nested 100,000 deep on the check, the marked copy and the intake, with the reason, /healthz quick', async () => {
    for (const file of DEEP) {
      const bytes = await readFile(file);
      const post = (path: string) =>
        fetch(`${cluster.base}${path}`, {
          method: 'POST',
          body: new Uint8Array(bytes),
          headers: { 'content-type': XLSX, authorization: `Bearer ${TOKENS.kenko}`, origin: cluster.base },
        }).then(async (r) => ({
          status: r.status,
          body: (await r.json()) as { status?: string; reason?: string; error?: { code: string; message: string } },
        }));
      const check = await post('/api/console/check');
      expect(check.status).toBe(200);
      expect(check.body.status).toBe('unreadable');
      expect(check.body.reason).toMatch(NESTING);
      const marked = await post('/api/console/check/annotated');
      expect(marked.status).toBe(422);
      // The check found the file unreadable: no marked copy, with the same reason.
      expect(marked.body.error).toMatchObject({ code: 'unreadable', message: expect.stringMatching(NESTING) });
      const submitted = await post('/api/submissions');
      expect(submitted.status).toBe(422);
      expect(submitted.body.error).toMatchObject({
        code: 'too-many-cells',
        message: expect.stringMatching(NESTING),
      });
      const t0 = performance.now();
      expect((await fetch(`${cluster.base}/healthz`)).status).toBe(200);
      expect(performance.now() - t0).toBeLessThan(500);
    }
    expect(cluster.serve.child.exitCode).toBeNull();
  }, 60_000);

  it('refuses it at the intake too, before it is stored', async () => {
    const res = await fetch(`${cluster.base}/api/submissions`, {
      method: 'POST',
      body: new Uint8Array(await CASES[2]!.build()),
      headers: { 'content-type': XLSX, authorization: `Bearer ${TOKENS.kenko}` },
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('too-many-cells');
  }, 30_000);
});
