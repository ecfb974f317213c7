import ExcelJS from 'exceljs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inspectPackage,
  readWorkbook,
  readWorkbookFile,
  toFileError,
  UnreadableWorkbookError,
  type UnreadableCode,
} from '../../../worker/xlsx/index.ts';
import { readZipEntries } from '../../helpers/zip-reader.ts';
import { entry, MINIMAL_XLSX_PARTS, zerosEntry, zip } from '../../helpers/zip-writer.ts';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Reads the bytes and returns the rejection, failing the test when it is not an UnreadableWorkbookError. */
async function rejection(bytes: Buffer, limits = {}): Promise<UnreadableWorkbookError> {
  const started = Date.now();
  const err = await readWorkbook(bytes, { limits }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(Date.now() - started).toBeLessThan(15_000);
  expect(err).toBeInstanceOf(UnreadableWorkbookError);
  const e = err as UnreadableWorkbookError;
  expect(e.name).toBe('UnreadableWorkbookError');
  expect(e.message).toMatch(JAPANESE);
  return e;
}

async function expectCode(bytes: Buffer, code: UnreadableCode, limits = {}): Promise<UnreadableWorkbookError> {
  const e = await rejection(bytes, limits);
  expect(e.code).toBe(code);
  return e;
}

async function realXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (let r = 1; r <= 200; r++) ws.getRow(r).values = [`行${r}`, r, r * 1.5, `説明テキスト${r}`];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

describe('readWorkbook on hostile input', () => {
  let valid: Buffer;
  beforeAll(async () => {
    valid = await realXlsx();
  });

  it('rejects an empty buffer', async () => {
    await expectCode(Buffer.alloc(0), 'empty');
  });

  it('names the file on the error when the caller gives it', async () => {
    const err = await readWorkbook(Buffer.alloc(0), { file: '健康福祉課.xlsx' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'empty', file: '健康福祉課.xlsx' });
  });

  it('rejects a file over the byte limit', async () => {
    await expectCode(valid, 'too-large', { maxBytes: 100 });
  });

  it('rejects a truncated zip (a real workbook cut in half)', async () => {
    await expectCode(valid.subarray(0, Math.floor(valid.length / 2)), 'truncated');
  });

  it('rejects random bytes as not a zip', async () => {
    const random = Buffer.alloc(4096);
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 251;
    await expectCode(random, 'not-zip');
  });

  it('rejects CSV text renamed to .xlsx and says it is text', async () => {
    const e = await expectCode(Buffer.from('課名,指標,目標\n健康福祉課,利用者数,100\n', 'utf8'), 'not-zip');
    expect(e.message).toContain('CSV');
  });

  it('says a real PDF (binary after its header) is a PDF, and an image an image', async () => {
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.7\n%', 'latin1'),
      Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a]),
      Buffer.from('1 0 obj\n<< /Type /Catalog >>\nstream\n', 'latin1'),
      Buffer.from([0x00, 0x9c, 0xff, 0x10, 0x00]),
    ]);
    expect((await expectCode(pdf, 'not-zip')).message).toContain('PDF ファイルです');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
    expect((await expectCode(png, 'not-zip')).message).toContain('画像ファイル');
  });

  it('rejects a Word document renamed to .xlsx and names it', async () => {
    const docx = zip([
      { name: '[Content_Types].xml', content: '<?xml version="1.0"?><Types/>' },
      { name: 'word/document.xml', content: '<?xml version="1.0"?><w:document/>' },
    ]);
    const e = await expectCode(docx, 'not-spreadsheet');
    expect(e.message).toContain('Word');
  });

  it('rejects a zip without xl/workbook.xml', async () => {
    await expectCode(zip([{ name: 'readme.txt', content: 'hello' }]), 'not-spreadsheet');
  });

  it('rejects a password-protected workbook (CFB with EncryptedPackage)', async () => {
    const cfb = Buffer.concat([
      CFB_MAGIC,
      Buffer.alloc(1024),
      Buffer.from('EncryptedPackage', 'utf16le'),
      Buffer.alloc(512),
    ]);
    const e = await expectCode(cfb, 'encrypted');
    expect(e.message).toContain('パスワードで保護されています');
  });

  it('rejects a legacy .xls (CFB without encryption)', async () => {
    const xls = Buffer.concat([CFB_MAGIC, Buffer.alloc(1024), Buffer.from('Workbook', 'utf16le'), Buffer.alloc(512)]);
    const e = await expectCode(xls, 'legacy-xls');
    expect(e.message).toContain('.xls');
  });

  it('rejects a zip bomb by its declared size without inflating it', async () => {
    const bomb = zip([...MINIMAL_XLSX_PARTS, await zerosEntry('xl/worksheets/sheet1.xml', 300 * 1024 * 1024)]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expectCode(bomb, 'zip-bomb');
  });

  it('rejects a zip bomb whose entry lies about its size, stopping at the budget', async () => {
    const liar = await zerosEntry('xl/worksheets/sheet1.xml', 50 * 1024 * 1024, 1000);
    const started = Date.now();
    await expectCode(zip([...MINIMAL_XLSX_PARTS, liar]), 'zip-bomb');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops inflating once the running budget is spent', async () => {
    const parts = [...MINIMAL_XLSX_PARTS, entry('xl/sharedStrings.xml', `<sst>${'あ'.repeat(400_000)}</sst>`)];
    await expectCode(zip(parts), 'zip-bomb', { maxInflatedBytes: 100_000 });
  });

  it('rejects an entry with a suspicious compression ratio', async () => {
    const zeros = await zerosEntry('xl/media/image1.png', 20 * 1024 * 1024);
    await expectCode(zip([...MINIMAL_XLSX_PARTS, zeros]), 'zip-bomb');
  });

  it('rejects a package with too many entries', async () => {
    const many = Array.from({ length: 2100 }, (_, i) => ({ name: `xl/media/x${i}.bin`, content: 'x', store: true }));
    const e = await expectCode(zip([...MINIMAL_XLSX_PARTS, ...many]), 'zip-bomb');
    expect(e.message).toContain('2102');
  });

  it('rejects billion laughs in a sheet without expanding it', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>';
    await expectCode(zip([...MINIMAL_XLSX_PARTS, { name: 'xl/worksheets/sheet1.xml', content: laughs }]), 'dtd');
  });

  it('rejects an external entity in the workbook part', async () => {
    const xxe =
      '<?xml version="1.0"?><!doctype workbook [<!entity xxe SYSTEM "file:///etc/passwd">]><workbook><sheets><sheet name="&xxe;" sheetId="1"/></sheets></workbook>';
    await expectCode(zip([MINIMAL_XLSX_PARTS[0]!, { name: 'xl/workbook.xml', content: xxe }]), 'dtd');
  });

  it('finds a DOCTYPE split across inflate chunks and hidden in UTF-16', async () => {
    const padded = `<?xml version="1.0"?>${' '.repeat(65_530)}<!DOCTYPE x [<!ENTITY a "b">]><styleSheet/>`;
    await expectCode(zip([...MINIMAL_XLSX_PARTS, { name: 'xl/styles.xml', content: padded }]), 'dtd');
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><sst/>', 'utf16le'),
    ]);
    await expectCode(zip([...MINIMAL_XLSX_PARTS, { name: 'xl/sharedStrings.xml', content: utf16 }]), 'dtd');
  });

  it('rejects a zip with a corrupt deflate stream', async () => {
    const broken = {
      ...entry('xl/worksheets/sheet1.xml', '<worksheet/>'),
      compressed: Buffer.from([0xff, 0xff, 0xff, 0xff]),
    };
    const e = await rejection(zip([...MINIMAL_XLSX_PARTS, broken]));
    expect(['corrupt', 'truncated']).toContain(e.code);
  });

  it('rejects a package exceljs cannot parse as corrupt', async () => {
    const parts = (await readZipEntries(valid)).map((p) =>
      p.name === 'xl/worksheets/sheet1.xml' ? { name: p.name, content: '<<<>>>' } : p,
    );
    await expectCode(zip(parts), 'corrupt');
  });

  it('reads a well-formed package rebuilt by the test zip writer', async () => {
    const { grids } = await readWorkbook(zip(await readZipEntries(valid)));
    expect(grids[0]?.rows[199]?.[3]?.text).toBe('説明テキスト200');
  });

  it('rejects a workbook with more cells than the limit before exceljs loads it', async () => {
    await expectCode(valid, 'too-many-cells', { maxCells: 100 });
  });

  it('rejects a workbook with more sheets than the limit', async () => {
    const wb = new ExcelJS.Workbook();
    for (let i = 0; i < 4; i++) wb.addWorksheet(`S${i}`);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const e = await expectCode(bytes, 'too-many-cells', { maxSheets: 3 });
    expect(e.message).toContain('シート');
  });

  it('only ever throws UnreadableWorkbookError from the pre-check, for any prefix of a workbook', async () => {
    for (let cut = 1; cut < valid.length; cut += Math.max(1, Math.floor(valid.length / 37))) {
      const err = await inspectPackage(valid.subarray(0, cut)).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(UnreadableWorkbookError);
    }
  });
});

describe('readWorkbookFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mokuhyo-xlsx-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a file over the limit from its size alone', async () => {
    const path = join(dir, 'big.xlsx');
    await writeFile(path, Buffer.alloc(2048, 0x41));
    const err = await readWorkbookFile(path, { limits: { maxBytes: 1024 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadableWorkbookError);
    expect((err as UnreadableWorkbookError).code).toBe('too-large');
  });

  it('reads a workbook from disk', async () => {
    const path = join(dir, 'ok.xlsx');
    await writeFile(path, await realXlsx());
    const { grids } = await readWorkbookFile(path);
    expect(grids[0]?.rows[0]?.[0]?.text).toBe('行1');
  });
});

describe('toFileError', () => {
  it('keeps the code and Japanese message of an unreadable workbook', () => {
    expect(toFileError(new UnreadableWorkbookError('dtd'))).toEqual({
      code: 'dtd',
      message: expect.stringMatching(JAPANESE),
    });
  });

  it('hides other errors behind a generic internal error without a stack', () => {
    const fe = toFileError(new TypeError('x is undefined at /secret/path.ts:12'));
    expect(fe.code).toBe('internal');
    expect(fe.message).not.toContain('secret');
    expect(Object.keys(fe).sort()).toEqual(['code', 'message']);
  });
});
