import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import * as zlib from 'node:zlib';
import { crc32, tableCrc32, ZipWriter } from '../../../worker/xlsx/zip-writer.ts';

// More than one 256 KB deflate slice, with multi-byte text across every slice boundary.
const LONG = Array.from({ length: 40_000 }, (_, i) => `<r n="${i}">目標値（件）${i}</r>`).join('');

function archive(): Buffer {
  const zip = new ZipWriter();
  zip.add('a.txt', 'short');
  const long = zip.entry('xl/日本語/長い.xml');
  for (let i = 0; i < LONG.length; i += 997) long.write(LONG.slice(i, i + 997));
  long.end();
  zip.add('bytes.bin', Buffer.from([0, 1, 2, 255]));
  zip.add('empty.txt', '');
  return zip.finish();
}

describe('ZipWriter', () => {
  it('writes entries another zip reader inflates back exactly, however they were written', async () => {
    const read = await JSZip.loadAsync(archive());
    expect(Object.keys(read.files)).toEqual(['a.txt', 'xl/日本語/長い.xml', 'bytes.bin', 'empty.txt']);
    expect(await read.file('a.txt')!.async('string')).toBe('short');
    expect(await read.file('xl/日本語/長い.xml')!.async('string')).toBe(LONG);
    expect([...(await read.file('bytes.bin')!.async('uint8array'))]).toEqual([0, 1, 2, 255]);
    expect(await read.file('empty.txt')!.async('string')).toBe('');
  });

  it("is a valid archive for Python's zipfile", () => {
    const dir = mkdtempSync(join(tmpdir(), 'mokuhyo-zip-'));
    try {
      const path = join(dir, 'a.zip');
      writeFileSync(path, archive());
      expect(
        execFileSync('/usr/bin/python3', [
          '-c',
          'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).testzip())',
          path,
        ])
          .toString()
          .trim(),
      ).toBe('None');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to interleave entries', () => {
    const zip = new ZipWriter();
    zip.entry('one');
    expect(() => zip.entry('two')).toThrow(/before the previous entry ended/);
    expect(() => zip.finish()).toThrow(/still open/);
  });

  it('computes CRC-32 the same with zlib and with its own table, across resumed calls', () => {
    const data = Buffer.from(LONG);
    const known = (zlib as { crc32?: (d: Uint8Array, p?: number) => number }).crc32;
    if (known) expect(crc32(data)).toBe(known(data));
    expect(tableCrc32(data)).toBe(crc32(data));
    expect(tableCrc32(data.subarray(1000), tableCrc32(data.subarray(0, 1000)))).toBe(crc32(data));
    expect(tableCrc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});
