import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// .ci/audit runs `npm audit` and says which of three things happened; a fake npm on PATH plays each answer.

const ROOT = resolve(import.meta.dirname, '../..');

let bin: string;
beforeAll(async () => {
  bin = await mkdtemp(join(tmpdir(), 'mokuhyo-audit-'));
});
afterAll(async () => {
  await rm(bin, { recursive: true, force: true });
});

/** Runs .ci/audit with an `npm` that prints `output` and exits with `code`; resolves to its last line and exit code. */
async function audit(output: string, code: number): Promise<{ code: number; last: string }> {
  const npm = join(bin, 'npm');
  await writeFile(npm, `#!/usr/bin/env bash\ncat <<'OUT'\n${output}\nOUT\nexit ${code}\n`);
  await chmod(npm, 0o755);
  return new Promise((done) => {
    execFile(
      join(ROOT, '.ci/audit'),
      { cwd: ROOT, env: { ...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}` } },
      (error, stdout) => {
        const lines = stdout.trimEnd().split('\n');
        done({ code: typeof error?.code === 'number' ? error.code : 0, last: lines[lines.length - 1] ?? '' });
      },
    );
  });
}

describe('.ci/audit', () => {
  it('says the audit could not be reached when the registry refuses or the network is down', async () => {
    for (const output of [
      'npm warn audit 405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk\nnpm error audit endpoint returned an error',
      'npm error code ENOTFOUND\nnpm error request to https://registry.npmjs.org/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org',
    ]) {
      const run = await audit(output, 1);
      expect(run.code).toBe(0);
      expect(run.last).toContain('npm audit could not be reached');
      expect(run.last).not.toContain('advisories (see above)');
    }
  });

  it('says advisories when npm lists vulnerabilities', async () => {
    const run = await audit('# npm audit report\n\ncookie  <0.7.0\n\n3 vulnerabilities (1 moderate, 2 high)', 1);
    expect(run).toEqual({ code: 0, last: 'ci: npm audit reported advisories (see above)' });
  });

  it('says nothing was found when npm finds nothing at the level asked', async () => {
    const run = await audit('found 0 vulnerabilities', 0);
    expect(run).toEqual({ code: 0, last: 'ci: npm audit found no advisories at level high or above' });
  });
});
