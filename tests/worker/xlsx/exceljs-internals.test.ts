import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// worker/xlsx/fast-read.ts reads cells the way exceljs would by calling two of exceljs's private modules
// (lib/xlsx/defaultnumformats.js, lib/utils/utils.js). They are not exceljs's public API, so package.json
// pins exceljs to one exact version, and these tests fail loudly — naming the module — when an upgrade moves
// or changes them. After an upgrade, fix fast-read.ts until these and tests/worker/xlsx/fast-read.test.ts pass.

const ROOT = resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

describe("exceljs's private modules that fast-read.ts uses", () => {
  it('exceljs is pinned to an exact version, and that version is the one installed', () => {
    const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const pinned = manifest.dependencies['exceljs'];
    expect(pinned, 'package.json must pin exceljs exactly (no ^ or ~): fast-read.ts depends on its internals').toMatch(
      /^\d+\.\d+\.\d+$/,
    );
    const installed = (require('exceljs/package.json') as { version: string }).version;
    expect(installed, 'the installed exceljs is not the pinned one: run npm ci').toBe(pinned);
  });

  it('lib/xlsx/defaultnumformats.js still maps built-in number format ids to their codes', () => {
    const formats = require('exceljs/lib/xlsx/defaultnumformats.js') as Record<string, { f?: string } | undefined>;
    expect(formats[3]?.f).toBe('#,##0');
    expect(formats[9]?.f).toBe('0%');
    expect(formats[14]?.f).toBe('mm-dd-yy');
    expect(formats[49]?.f).toBe('@');
  });

  it('lib/utils/utils.js still has isDateFmt, excelToDate and xmlDecode, behaving as fast-read.ts expects', () => {
    const utils = require('exceljs/lib/utils/utils.js') as {
      isDateFmt(fmt: string | undefined): boolean;
      excelToDate(v: unknown, date1904: boolean): Date;
      xmlDecode(text: string): string;
    };
    expect(utils.isDateFmt('yyyy/m/d')).toBe(true);
    expect(utils.isDateFmt('[$-411]ggge"年"m"月"d"日"')).toBe(true);
    expect(utils.isDateFmt('#,##0')).toBe(false);
    expect(utils.excelToDate(43831, false).toISOString()).toBe('2020-01-01T00:00:00.000Z');
    expect(utils.excelToDate(42369, true).toISOString()).toBe('2020-01-01T00:00:00.000Z');
    expect(utils.xmlDecode('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;')).toBe('a & b <c> "d" \'e\'');
  });
});
