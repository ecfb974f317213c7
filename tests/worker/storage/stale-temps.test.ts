// kill -9 during a durable write leaves its temporary sibling; serve removes old ones at start.
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sweepStaleTemps } from '../../../worker/storage/durable-write.ts';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('sweepStaleTemps', () => {
  it('removes temporary siblings older than the age given, and nothing else', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mokuhyo-temps-'));
    await mkdir(join(dir, 'submissions'), { recursive: true });
    const old = join(dir, 'submissions', 'a1b2.json.0123456789ab.tmp');
    const fresh = join(dir, 'submissions', 'c3d4.json.ba9876543210.tmp');
    const kept = ['a1b2.json', 'notes.tmp', 'x.json.zz.tmp'];
    await writeFile(old, '');
    await writeFile(fresh, '{"partial"');
    for (const name of kept) await writeFile(join(dir, 'submissions', name), '{}');
    const hourAgo = new Date(Date.now() - 3600_000);
    await utimes(old, hourAgo, hourAgo);
    for (const name of kept) await utimes(join(dir, 'submissions', name), hourAgo, hourAgo);

    expect(await sweepStaleTemps(dir)).toBe(1);
    expect((await readdir(join(dir, 'submissions'))).sort()).toEqual([...kept, 'c3d4.json.ba9876543210.tmp'].sort());
    expect(await sweepStaleTemps(join(dir, 'missing'))).toBe(0);
  });
});
