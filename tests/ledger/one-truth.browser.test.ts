// One truth for a ward's year: the same realistic inbox (two versions of a division, an accepted sheet
// followed by an unreadable re-submission, another ward's self-evaluation of another year, a blank form, the
// ward's own sheet, a division that sends nothing) once through a real `mokuhyo serve` (tokens, a worker, a
// consolidation) and once through `mokuhyo consolidate` on a folder. The ledger route, each submission's
// verdict, the console's rows in Chromium, the summary's 概要 and 提出状況 (both runs) and the CLI report must
// say the same word, count the same version and give the same reason for every division and the ward sheet.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OLDER_COUNTED } from '../../shared/ledger/build-ledger.ts';
import { templateEntries } from '../../templates/registry.ts';
import { generateTemplate } from '../../templates/generate-template.ts';
import { findChromium } from '../helpers/required-tools.ts';
import { launchBrowser, startServe, type ServeProcess } from '../helpers/serve-process.ts';
import { findRedisServer, startRedis, type PrivateRedis } from '../worker/queue/redis-server.ts';

const CHROMIUM = findChromium() ?? '';
const ROOT = resolve(import.meta.dirname, '../..');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const redisBinary = await findRedisServer();
const DIVISIONS = ['地域総務課', '健康福祉課', '産業振興課', '建設課', '区民生活課'];
const TOKENS: Record<string, string> = {
  coordinator: 'one-truth-coordinator-akiha-01',
  地域総務課: 'one-truth-submitter-chiiki-0001',
  健康福祉課: 'one-truth-submitter-kenko-00001',
  産業振興課: 'one-truth-submitter-sangyo-0001',
  建設課: 'one-truth-submitter-kensetsu-01',
  区民生活課: 'one-truth-submitter-kumin-00001',
};

/** What a careful coordinator would write down by hand for this inbox. */
const EXPECTED: Record<string, { status: string; reason: string | null; counted: string | null }> = {
  区の組織目標: { status: '受理', reason: null, counted: '秋葉区_組織目標.xlsx' },
  地域総務課: { status: '受理', reason: null, counted: '地域総務課_v2.xlsx' },
  健康福祉課: {
    status: '読込不可',
    reason: `ブック内の XML（xl/worksheets/sheet1.xml）が壊れているため読み込めません。Excel で開いて保存し直してください。 ${OLDER_COUNTED}`,
    counted: '健康福祉課.xlsx',
  },
  産業振興課: {
    status: '差戻し',
    reason: '北区・平成27年度のシートです（この取りまとめは秋葉区・令和2年度）。',
    counted: null,
  },
  建設課: { status: '差戻し', reason: '記入がありません（様式のままのシートです）。', counted: null },
  区民生活課: { status: '未提出', reason: null, counted: null },
};
const COUNTS = { expected: 5, submitted: 4, 受理: 1, 差戻し: 2, 読込不可: 1, 処理中: 0, 未提出: 1 };

/** The inbox in order of arrival: file name, who sends it, its bytes. */
async function inbox(): Promise<{ name: string; sender: string; bytes: Buffer }[]> {
  const seed = (p: string) => readFileSync(join(ROOT, 'seeds', p));
  const chiiki = seed('org-goals/akiha-2020-chiiki-somu.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(chiiki as unknown as ArrayBuffer);
  // The second version: the same sheet with its contact line corrected.
  book.worksheets[0]!.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.value === '問合せ先') row.getCell(Number(cell.col) + 1).value = '地域総務課 内線 2101';
    }),
  );
  const v2 = Buffer.from(await book.xlsx.writeBuffer());
  const entry = templateEntries().find((e) => e.family.id === 'org-goals' && e.variant.id === 'division')!;
  // The blank form exactly as the console's 様式 hands it out: the division's name and year written in.
  const blank = (await generateTemplate(entry.family, entry.variant, { fiscalYear: 2020, organization: '建設課' }))
    .bytes;
  return [
    { name: '地域総務課_v1.xlsx', sender: '地域総務課', bytes: chiiki },
    { name: '健康福祉課.xlsx', sender: '健康福祉課', bytes: seed('org-goals/akiha-2020-kenko-fukushi.xlsx') },
    { name: '秋葉区_組織目標.xlsx', sender: 'coordinator', bytes: seed('org-goals/akiha-2020-ward.xlsx') },
    { name: '産業振興課.xlsx', sender: '産業振興課', bytes: seed('policy-review/policy-review-kita-2015.xlsx') },
    { name: '建設課.xlsx', sender: '建設課', bytes: Buffer.from(blank) },
    { name: '地域総務課_v2.xlsx', sender: '地域総務課', bytes: v2 },
    {
      name: '健康福祉課_再提出.xlsx',
      sender: '健康福祉課',
      bytes: readFileSync(join(ROOT, 'tests/fixtures/error.corrupt-sheet.xlsx')),
    },
  ];
}

type Said = Record<string, { status: string; reason: string | null }>;

/** 概要: each division's word and 備考, and the ward sheet's line in 区の重点目標. */
async function overviewOf(bytes: Buffer): Promise<{ said: Said; facts: string }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('概要')!;
  const text = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : String(v));
  let header: string[] = [];
  const said: Said = {};
  sheet.eachRow((row, n) => {
    const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(text);
    if (cells[0] === '課' && cells[1] === '状態') header = cells;
    else if (header.length > 0 && DIVISIONS.includes(cells[0]!)) {
      // 備考 holds the ledger's reason; for a 受理 or 未提出 row (no reason) it says other things (警告 n 件). A
      // 読込不可 row names its file on a line of its own after the reason.
      const note =
        cells[1] === '受理' || cells[1] === '未提出'
          ? ''
          : (cells[header.indexOf('備考')] ?? '').replace(/\n（ファイル: [^\n]*）$/, '');
      said[cells[0]!] = { status: cells[1]!, reason: note || null };
    }
    const ward = /^区の組織目標シート（秋葉区）: (\S+?)(?:（(.*)）)?$/.exec(cells[0] ?? '');
    if (ward) said['区の組織目標'] = { status: ward[1]!, reason: ward[2] ?? null };
    void n;
  });
  return { said, facts: text(sheet.getCell('A2').value) };
}

/** 提出状況: each row's latest version (its first line) with the row's reason; the counted file. */
async function statusSheetOf(bytes: Buffer): Promise<{ said: Said; counted: Record<string, string | null> }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('提出状況')!;
  const said: Said = {};
  const counted: Record<string, string | null> = {};
  sheet.eachRow((row, n) => {
    if (n < 3) return;
    const [division, state, , file, , reason] = (row.values as ExcelJS.CellValue[])
      .slice(1)
      .map((v) => (v === null || v === undefined ? '' : String(v)));
    const key = division === '区の組織目標（秋葉区）' ? '区の組織目標' : division!;
    if (!(key in EXPECTED)) return;
    if (!(key in said)) {
      said[key] = { status: state === '受理' || state === '差し替え済み' ? '受理' : state!, reason: reason || null };
      counted[key] = null;
    }
    if (state === '受理') counted[key] = fileName(file!);
  });
  return { said, counted };
}

/** The uploaded or given name inside a summary's file column ("提出 1a2b3c4d（健康福祉課.xlsx）", "inbox/x.xlsx"). */
function fileName(file: string): string {
  const uploaded = /（(.+)）$/.exec(file);
  return (uploaded ? uploaded[1]! : file).split(/[\\/]/).pop()!;
}

function expectSaid(said: Said, where: string): void {
  for (const [row, want] of Object.entries(EXPECTED))
    expect(said[row], `${where}: ${row}`).toEqual({ status: want.status, reason: want.reason });
}

describe.skipIf(!CHROMIUM || !redisBinary)('one truth for a ward’s year', () => {
  let redis: PrivateRedis;
  let serve: ServeProcess | undefined;
  let base = '';
  let temp = '';
  let browser: Browser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    temp = mkdtempSync(join(tmpdir(), 'mokuhyo-one-truth-'));
    redis = await startRedis(redisBinary!);
    const config = {
      dataDir: join(temp, 'data'),
      redisUrl: redis.url,
      consolidationDelayMs: 60_000,
      wards: [{ id: 'akiha', name: '秋葉区', fiscalYear: 2020, divisions: DIVISIONS, deadline: '2021-04-30' }],
      tokens: [
        { token: TOKENS['coordinator'], ward: 'akiha', role: 'coordinator' },
        ...DIVISIONS.map((division) => ({ token: TOKENS[division], ward: 'akiha', division, role: 'submitter' })),
      ],
    };
    serve = await startServe(temp, config);
    base = serve.base;
    browser = await launchBrowser(CHROMIUM);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await redis?.stop();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }, 60_000);

  const get = async <T>(path: string, token = TOKENS['coordinator']!): Promise<T> => {
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  it('says the same through the intake, the ledger route, the console, the summary and consolidate', async () => {
    const files = await inbox();
    // ── through the server ────────────────────────────────────────────────────────────────────────────
    for (const f of files) {
      const res = await fetch(`${base}/api/submissions`, {
        method: 'POST',
        body: new Uint8Array(f.bytes),
        headers: {
          authorization: `Bearer ${TOKENS[f.sender]}`,
          'content-type': XLSX,
          'x-mokuhyo-filename': encodeURIComponent(f.name),
        },
      });
      expect(res.status, f.name).toBe(202);
      ids[f.name] = ((await res.json()) as { id: string }).id;
      // Distinct receipt times: the order of arrival is the order of the inbox.
      await new Promise((r) => setTimeout(r, 30));
    }
    const nameOf = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
    type Verdict = {
      status: string;
      verdict: {
        status: string;
        reason: string | null;
        latest: boolean;
        row: { division: string; wardSheet: boolean; status: string; reason: string | null };
      };
    };
    const verdicts: Record<string, Verdict> = {};
    for (const id of Object.values(ids)) {
      await expect
        .poll(async () => (await get<Verdict>(`/api/submissions/${id}`)).status, { timeout: 90_000, interval: 300 })
        .toMatch(/^(accepted|rejected)$/);
    }
    for (const [name, id] of Object.entries(ids)) verdicts[name] = await get<Verdict>(`/api/submissions/${id}`);

    // The ledger route.
    type Row = { status: string; submission: string | null; counted: string | null; reason: string | null };
    const ledger = await get<{
      wardSheet: Row;
      divisions: (Row & { division: string })[];
      counts: unknown;
      deadline: string;
    }>('/api/wards/akiha/2020/status');
    const routeRows: Record<string, Row> = { 区の組織目標: ledger.wardSheet };
    for (const d of ledger.divisions) routeRows[d.division] = d;
    expectSaid(
      Object.fromEntries(Object.entries(routeRows).map(([k, r]) => [k, { status: r.status, reason: r.reason }])),
      'ledger route',
    );
    for (const [row, want] of Object.entries(EXPECTED))
      expect(routeRows[row]!.counted === null ? null : nameOf.get(routeRows[row]!.counted!), `counted ${row}`).toBe(
        want.counted,
      );
    expect(ledger.counts).toEqual(COUNTS);
    expect(ledger.deadline).toBe('2021-04-30');

    // Each submission's verdict: the latest of each row says its row's word; the intake's status agrees.
    for (const [name, v] of Object.entries(verdicts)) {
      const row = v.verdict.row.wardSheet ? '区の組織目標' : v.verdict.row.division;
      expect({ status: v.verdict.row.status, reason: v.verdict.row.reason }, name).toEqual({
        status: EXPECTED[row]!.status,
        reason: EXPECTED[row]!.reason,
      });
      expect(v.status, name).toBe(v.verdict.status === '受理' ? 'accepted' : 'rejected');
      if (v.verdict.latest) expect(v.verdict.status, name).toBe(EXPECTED[row]!.status);
    }

    // The console, in Chromium, as the coordinator reads it.
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' })
    ).newPage();
    await page.goto(base, { timeout: 120_000 });
    await page.getByLabel('トークン', { exact: true }).fill(TOKENS['coordinator']!);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByRole('heading', { name: '提出状況' }).waitFor();
    const consoleSaid: Said = {};
    for (const division of DIVISIONS) {
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: division }) });
      const status = (await row.locator('[data-status]:not([data-status="overdue"])').textContent())!.trim();
      const reason = await row
        .getByText(/^理由: /)
        .textContent()
        .catch(() => null);
      consoleSaid[division] = { status, reason: reason ? reason.replace(/^理由: /, '') : null };
    }
    const wardRow = page.getByRole('region', { name: '区の組織目標（秋葉区）' });
    const wardReason = await wardRow
      .getByText(/^理由: /)
      .textContent()
      .catch(() => null);
    consoleSaid['区の組織目標'] = {
      status: (await wardRow.locator('[data-status]:not([data-status="overdue"])').textContent())!.trim(),
      reason: wardReason ? wardReason.replace(/^理由: /, '') : null,
    };
    expectSaid(consoleSaid, 'console');
    const counts = await page.getByRole('group', { name: '件数' }).textContent();
    expect(counts).toMatch(/提出4\s*\/ 全 5 課受理1差戻し2読込不可1処理中0未提出1/);

    // The summary built by the queue.
    const started = await fetch(`${base}/api/consolidations`, {
      method: 'POST',
      body: JSON.stringify({ ward: 'akiha', fiscalYear: 2020 }),
      headers: { authorization: `Bearer ${TOKENS['coordinator']}`, 'content-type': 'application/json' },
    });
    const { id } = (await started.json()) as { id: string };
    await expect
      .poll(async () => (await get<{ status: string }>(`/api/consolidations/${id}`)).status, { timeout: 90_000 })
      .toBe('done');
    const served = Buffer.from(
      await (
        await fetch(`${base}/api/summaries/akiha/2020`, {
          headers: { authorization: `Bearer ${TOKENS['coordinator']}` },
        })
      ).arrayBuffer(),
    );
    const servedOverview = await overviewOf(served);
    expectSaid(servedOverview.said, 'served 概要');
    expect(servedOverview.facts).toContain('提出 4 ／ 5 課（受理 1・差戻し 2・読込不可 1・未提出 1）');
    const servedStatus = await statusSheetOf(served);
    expectSaid(servedStatus.said, 'served 提出状況');
    for (const [row, want] of Object.entries(EXPECTED))
      expect(servedStatus.counted[row], `served counted ${row}`).toBe(want.counted);

    // ── through `mokuhyo consolidate` on the same files, saved in the order they arrived ─────────────────
    const folder = join(temp, 'inbox');
    mkdirSync(folder);
    files.forEach((f, i) => {
      const path = join(folder, f.name);
      writeFileSync(path, f.bytes);
      const at = new Date(Date.UTC(2021, 3, 1, 9, i));
      utimesSync(path, at, at);
    });
    const out = join(temp, 'out', 'summary.xlsx');
    const cli = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(
        process.execPath,
        [join(ROOT, 'bin/mokuhyo.js'), 'consolidate', folder, '-o', out, '--ward', 'akiha', '--fiscal-year', 'R2'],
        { env: { ...process.env, MOKUHYO_CONFIG: join(temp, 'config.json') } },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => done({ code, stdout, stderr }));
    });
    expect(cli.code, cli.stderr).toBe(0);
    const reported: Said = {};
    for (const line of cli.stdout.split('\n')) {
      const m = /^ {2}・([^:]+): (\S+?)(?: — (.*))?$/.exec(line);
      if (m) reported[m[1]!] = { status: m[2]!, reason: m[3] ?? null };
    }
    expectSaid(reported, 'consolidate report');
    expect(cli.stdout).toContain('提出 4 ／ 5 課（受理 1、差戻し 2、読込不可 1、未提出 1）');
    const written = readFileSync(out);
    expectSaid((await overviewOf(written)).said, 'consolidate 概要');
    const cliStatus = await statusSheetOf(written);
    expectSaid(cliStatus.said, 'consolidate 提出状況');
    for (const [row, want] of Object.entries(EXPECTED))
      expect(cliStatus.counted[row], `consolidate counted ${row}`).toBe(want.counted);
  }, 400_000);
});
