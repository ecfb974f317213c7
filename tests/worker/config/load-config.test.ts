import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, serviceConfigProblem } from '../../../worker/config/index.ts';

const TOKEN = 'submitter-token-0123456789abcdef';
const GOOD = {
  dataDir: './data',
  wards: [{ id: 'akiha', name: '秋葉区', fiscalYear: 2020, divisions: ['地域総務課', '健康福祉課'] }],
  tokens: [
    { token: TOKEN, ward: 'akiha', division: '地域総務課', role: 'submitter' },
    { token: 'coordinator-token-0123456789abcd', ward: 'akiha', role: 'coordinator' },
  ],
};

describe('loadConfig', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mokuhyo-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function file(content: unknown): Promise<string> {
    const path = join(dir, `${Math.random().toString(36).slice(2)}.json`);
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  }

  it('fills defaults when no file is named', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ redisUrl: 'redis://127.0.0.1:6379', port: 8080, wards: [], tokens: [] });
    expect(config.dataDir).toBe(resolve('./data'));
  });

  it('reads the file named by MOKUHYO_CONFIG', async () => {
    const config = loadConfig({ MOKUHYO_CONFIG: await file(GOOD) });
    expect(config.wards[0]?.divisions).toEqual(['地域総務課', '健康福祉課']);
    expect(config.tokens).toHaveLength(2);
  });

  it('lets REDIS_URL, PORT and MOKUHYO_DATA_DIR override the file', async () => {
    const config = loadConfig({
      MOKUHYO_CONFIG: await file(GOOD),
      REDIS_URL: 'redis://h:1',
      PORT: '9999',
      MOKUHYO_DATA_DIR: '/srv/mokuhyo',
    });
    expect(config).toMatchObject({ redisUrl: 'redis://h:1', port: 9999, dataDir: '/srv/mokuhyo' });
  });

  it('names the file and the bad key in Japanese', async () => {
    const path = await file({ ...GOOD, tokens: [{ ...GOOD.tokens[0], division: '架空課' }] });
    expect(() => loadConfig({ MOKUHYO_CONFIG: path })).toThrow(ConfigError);
    expect(() => loadConfig({ MOKUHYO_CONFIG: path })).toThrow(
      new RegExp(`設定ファイル ${path}[\\s\\S]*tokens\\[0\\]\\.division[\\s\\S]*架空課`),
    );
  });

  it('reports a wrong type with its key', async () => {
    const path = await file({ ...GOOD, wards: [{ ...GOOD.wards[0], fiscalYear: '令和2年度' }] });
    expect(() => loadConfig({ MOKUHYO_CONFIG: path })).toThrow(/wards\[0\]\.fiscalYear: 型が違います/);
  });

  it('refuses a file that is not JSON', async () => {
    const path = await file('{ dataDir: ');
    expect(() => loadConfig({ MOKUHYO_CONFIG: path })).toThrow(/JSON として読めません/);
  });

  it('refuses a missing file', () => {
    expect(() => loadConfig({ MOKUHYO_CONFIG: join(dir, 'nope.json') })).toThrow(/nope\.json を読み込めません/);
  });

  it('refuses a token written twice', async () => {
    const path = await file({ ...GOOD, tokens: [GOOD.tokens[0], { ...GOOD.tokens[0], division: '健康福祉課' }] });
    expect(() => loadConfig({ MOKUHYO_CONFIG: path })).toThrow(/tokens\[1\]\.token: 同じトークン/);
  });

  it("listens on loopback, limits each token to 30 submissions a minute and takes over a dead worker's job within 15 s by default", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      lockDurationMs: 10_000,
      stalledIntervalMs: 5_000,
      rateLimits: { submissionsPerMinute: 30 },
    });
    expect(config.http).toMatchObject({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, scanQueue: 64 });
    expect(config.http.scanThreads).toBeUndefined(); // cores − 1, at most 2, decided at start
  });

  it('takes a token as its SHA-256 and an admin token without a ward; not both forms at once', async () => {
    const sha = 'ab'.repeat(32);
    const config = loadConfig({
      MOKUHYO_CONFIG: await file({ ...GOOD, tokens: [...GOOD.tokens, { tokenSha256: sha, role: 'admin' }] }),
    });
    expect(config.tokens[2]).toEqual({ tokenSha256: sha, role: 'admin' });
    const both = await file({ ...GOOD, tokens: [{ ...GOOD.tokens[0], tokenSha256: sha }] });
    expect(() => loadConfig({ MOKUHYO_CONFIG: both })).toThrow(/token か tokenSha256 のどちらか一方/);
    const short = await file({ ...GOOD, tokens: [{ tokenSha256: 'abc', role: 'admin' }] });
    expect(() => loadConfig({ MOKUHYO_CONFIG: short })).toThrow(/tokenSha256: SHA-256/);
  });

  it("names a ward-sheet division that is not one of the ward's divisions", async () => {
    const path = await file({ ...GOOD, wards: [{ ...GOOD.wards[0], wardSheetDivision: '総務課' }] });
    expect(() => loadConfig({ MOKUHYO_CONFIG: path })).toThrow(/wards\[0\]\.wardSheetDivision: 課「総務課」/);
    expect(
      loadConfig({
        MOKUHYO_CONFIG: await file({ ...GOOD, wards: [{ ...GOOD.wards[0], wardSheetDivision: '地域総務課' }] }),
      }).wards[0]?.wardSheetDivision,
    ).toBe('地域総務課');
  });

  it('says why a config cannot run serve or worker (no ward, no token), while consolidate may read it', async () => {
    expect(serviceConfigProblem(loadConfig({}))).toMatch(/wards/);
    const wardsOnly = loadConfig({ MOKUHYO_CONFIG: await file({ wards: GOOD.wards }) });
    expect(wardsOnly.wards).toHaveLength(1);
    expect(serviceConfigProblem(wardsOnly)).toMatch(/tokens/);
    expect(serviceConfigProblem(loadConfig({ MOKUHYO_CONFIG: await file(GOOD) }))).toBeNull();
  });
});
