// Issue 21 item 5: weak tokens refused at start, config syntax errors that never echo a token, and warnings
// at start for a readable config holding clear tokens and for plain HTTP on a non-loopback address.
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWarnings } from '../../worker/cli/start-warnings.ts';
import { ConfigError, loadConfig, serviceConfigProblem, weakToken } from '../../worker/config/index.ts';
import { ROOT } from '../faults/cluster.ts';
import { findRedisServer, freePort } from '../worker/queue/redis-server.ts';

const binary = await findRedisServer();
const WARD = { id: 'akiha', name: '秋葉区', fiscalYear: 2020, divisions: ['健康福祉課'] };
const STRONG = 'Xk3-pQ9_zR7mW2vN8bT4yL6cH1sD5fG0';

/** Runs `mokuhyo serve` with a config; resolves with its exit code (null: still running after `ms`) and output. */
function serve(
  config: string,
  env: Record<string, string> = {},
  ms = 20_000,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/mokuhyo.js'), 'serve', '--no-worker'], {
      env: { ...process.env, MOKUHYO_CONFIG: config, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const keep = (d: Buffer) => {
      out += d.toString();
      if (/受付中/.test(out)) {
        clearTimeout(timer);
        child.kill('SIGKILL');
        resolve({ code: null, out });
      }
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: null, out });
    }, ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

describe('start-up checks', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mokuhyo-start-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('calls 16 identical characters, a short token and a few repeated characters weak, and a generated one not', () => {
    expect(weakToken('a'.repeat(16))).toBe(true);
    expect(weakToken('abababababababababab')).toBe(true);
    expect(weakToken('short-1234')).toBe(true);
    expect(weakToken(STRONG)).toBe(false);
  });

  it.skipIf(!binary)(
    'refuses to start serve with a weak token, naming its place and never its value',
    async () => {
      const weak = 'aaaaaaaaaaaaaaaa';
      const file = join(dir, 'weak.json');
      await writeFile(
        file,
        JSON.stringify({
          wards: [WARD],
          tokens: [
            { token: STRONG, ward: 'akiha', role: 'coordinator' },
            { token: weak, ward: 'akiha', division: '健康福祉課', role: 'submitter' },
          ],
        }),
      );
      await chmod(file, 0o600);
      const { code, out } = await serve(file, { PORT: String(await freePort()) });
      expect(code).toBe(2);
      expect(out).toMatch(/tokens\[1\]\.token は推測されやすいトークンです/);
      expect(out).not.toContain(weak);
      expect(serviceConfigProblem(loadConfig({ MOKUHYO_CONFIG: file }))).toMatch(/tokens\[1\]/);
    },
    30_000,
  );

  it('names the line and column of a JSON syntax error and never quotes the text around it', async () => {
    const secret = 'Zq8-secret-token-value-7Hn2Lm4Pw6';
    const file = join(dir, 'broken.json');
    await writeFile(file, `{\n  "wards": [],\n  "tokens": [{"token": "${secret}" "role": "admin"}]\n}\n`);
    const err = (() => {
      try {
        loadConfig({ MOKUHYO_CONFIG: file });
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect(err!.message).toMatch(/3 行目 \d+ 文字目付近/);
    for (let i = 0; i + 6 <= secret.length; i++) expect(err!.message).not.toContain(secret.slice(i, i + 6));
    // A token cut off at the end of the file is not quoted either.
    await writeFile(file, `{"tokens": [{"token": "${secret}`);
    expect(() => loadConfig({ MOKUHYO_CONFIG: file })).toThrow(ConfigError);
    try {
      loadConfig({ MOKUHYO_CONFIG: file });
    } catch (e) {
      expect((e as Error).message).not.toContain(secret.slice(0, 6));
    }
  });

  it('refuses to start serve on a config with a JSON syntax error, naming the line, never quoting the token', async () => {
    const secret = 'Qm7-another-secret-token-4Kd9Ws2Xp';
    const file = join(dir, 'broken-serve.json');
    await writeFile(file, `{\n  "wards": [],\n  "tokens": [{"token": "${secret}" "role": "admin"}]\n}\n`);
    await chmod(file, 0o600);
    const { code, out } = await serve(file, { PORT: String(await freePort()) });
    expect(code).toBe(2);
    expect(out).toMatch(/3 行目 \d+ 文字目付近/);
    for (let i = 0; i + 6 <= secret.length; i++) expect(out).not.toContain(secret.slice(i, i + 6));
  }, 30_000);

  it('warns about a readable config holding clear tokens and about plain HTTP beyond loopback', async () => {
    const file = join(dir, 'readable.json');
    const config = {
      wards: [WARD],
      tokens: [{ token: STRONG, ward: 'akiha', role: 'coordinator' }],
      host: '0.0.0.0',
    };
    await writeFile(file, JSON.stringify(config));
    await chmod(file, 0o644);
    const loaded = loadConfig({ MOKUHYO_CONFIG: file });
    const warnings = startWarnings(loaded, file);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/他の利用者も読めます（権限 0644）/);
    expect(warnings[1]).toMatch(/0\.0\.0\.0 で平文の HTTP/);
    expect(warnings.join('\n')).not.toContain(STRONG);
    // Private, on loopback, or behind https: nothing to say.
    await chmod(file, 0o600);
    expect(startWarnings({ ...loaded, host: '127.0.0.1' }, file)).toEqual([]);
    expect(startWarnings({ ...loaded, publicUrl: 'https://mokuhyo.example.jp' } as typeof loaded, file)).toEqual([]);
  });

  it.skipIf(!binary)(
    'prints both warnings when serve starts that way',
    async () => {
      const file = join(dir, 'serve-readable.json');
      await writeFile(
        file,
        JSON.stringify({
          wards: [WARD],
          tokens: [{ token: STRONG, ward: 'akiha', role: 'coordinator' }],
          host: '0.0.0.0',
          dataDir: join(dir, 'data'),
          redisUrl: 'redis://127.0.0.1:1',
        }),
      );
      await chmod(file, 0o644);
      const { out } = await serve(file, { PORT: String(await freePort()) }, 15_000);
      expect(out).toMatch(/警告: 設定ファイル .* は他の利用者も読めます/);
      expect(out).toMatch(/警告: 0\.0\.0\.0 で平文の HTTP/);
      expect(out).not.toContain(STRONG);
    },
    30_000,
  );
});
