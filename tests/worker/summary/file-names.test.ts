import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileNameOnly, inputFileNamer } from '../../../worker/summary/file-names.ts';

describe('how a submitted file is named in print and in open data', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mokuhyo-names-'));
    await mkdir(join(dir, 'inbox', '旧版'), { recursive: true });
    await writeFile(join(dir, 'inbox', '旧版', '健康福祉課_4月版.xlsx'), '');
    await writeFile(join(dir, 'inbox', '建設課.xlsx'), '');
    await writeFile(join(dir, 'loose.xlsx'), '');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names a file below the folder it was found in, a file given directly by its name alone', () => {
    const name = inputFileNamer([join(dir, 'inbox'), join(dir, 'loose.xlsx')]);
    expect(name(join(dir, 'inbox', '旧版', '健康福祉課_4月版.xlsx'))).toBe('旧版/健康福祉課_4月版.xlsx');
    expect(name(join(dir, 'inbox', '建設課.xlsx'))).toBe('建設課.xlsx');
    expect(name(join(dir, 'loose.xlsx'))).toBe('loose.xlsx');
    // Outside every folder given: the name alone, never the path.
    expect(name('/srv/mokuhyo/uploads/秘密.xlsx')).toBe('秘密.xlsx');
  });

  it('takes the nearest folder when folders given are nested', () => {
    const name = inputFileNamer([dir, join(dir, 'inbox')]);
    expect(name(join(dir, 'inbox', '旧版', '健康福祉課_4月版.xlsx'))).toBe('旧版/健康福祉課_4月版.xlsx');
  });

  it('strips Windows and POSIX folders from a bare name', () => {
    expect(fileNameOnly('C:\\受付\\健康福祉課.xlsx')).toBe('健康福祉課.xlsx');
    expect(fileNameOnly('/home/coordinator/inbox/建設課.xlsx')).toBe('建設課.xlsx');
  });
});

describe('a reason that ends with its file path', () => {
  it('names the file as print does, the rest word for word', async () => {
    const { reasonNaming } = await import('../../../worker/summary/file-names.ts');
    const file = '/home/coordinator/受付/旧版';
    expect(reasonNaming(`ファイルではなくフォルダです: ${file}`, file, fileNameOnly)).toBe(
      'ファイルではなくフォルダです: 旧版',
    );
    expect(reasonNaming('古い Excel 形式（.xls）のファイルです。', file, fileNameOnly)).toBe(
      '古い Excel 形式（.xls）のファイルです。',
    );
  });
});
