// Re-saves a workbook through LibreOffice, which writes xlsx differently from exceljs (shared strings,
// styles, merges), so extractor tests can read a second program's output.
import { execFile } from 'node:child_process';
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { missingTool } from './required-tools.ts';

const CANDIDATES = [
  '/usr/bin/soffice',
  '/usr/local/bin/soffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
];

/** The soffice executable ($SOFFICE first), or null when LibreOffice is not installed (a failure when tools are required). */
export async function findSoffice(): Promise<string | null> {
  const env = process.env['SOFFICE'];
  for (const path of env ? [env, ...CANDIDATES] : CANDIDATES) {
    try {
      await access(path);
      return path;
    } catch {
      // not there: try the next one
    }
  }
  return missingTool('LibreOffice (soffice)', 'install the Debian package libreoffice-calc-nogui, or set SOFFICE');
}

/**
 * Converts `inPath` to xlsx with LibreOffice into `outDir` and returns the new file's path, or null when
 * soffice is not installed. Uses a private profile so it can run beside a desktop LibreOffice or another test.
 */
export async function resaveWithLibreOffice(
  inPath: string,
  outDir: string,
  timeoutMs = 120_000,
): Promise<string | null> {
  const soffice = await findSoffice();
  if (!soffice) return null;
  const source = resolve(inPath);
  const target = resolve(outDir);
  const outPath = join(target, `${basename(source, extname(source))}.xlsx`);
  if (outPath === source)
    throw new Error(`resaveWithLibreOffice: ${outDir} would overwrite ${inPath}; use another folder`);
  await mkdir(target, { recursive: true });
  const profile = await mkdtemp(join(tmpdir(), 'mokuhyo-lo-'));
  try {
    await convert(soffice, profile, 'xlsx:Calc MS Excel 2007 XML', target, source, timeoutMs);
    await access(outPath).catch(() => {
      throw new Error(`soffice wrote no ${outPath}`);
    });
    return outPath;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** A LibreOffice profile that recalculates every formula of an xlsx on load, instead of showing the stored results. */
const RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * The first sheet of `inPath` as LibreOffice computes it (every formula recalculated on load), as CSV text
 * (UTF-8, comma, every text quoted), or null when soffice is not installed.
 */
export async function recalculatedCsv(inPath: string, timeoutMs = 120_000): Promise<string | null> {
  const soffice = await findSoffice();
  if (!soffice) return null;
  const profile = await mkdtemp(join(tmpdir(), 'mokuhyo-lo-'));
  const outDir = await mkdtemp(join(tmpdir(), 'mokuhyo-csv-'));
  try {
    await mkdir(join(profile, 'user'), { recursive: true });
    await writeFile(join(profile, 'user', 'registrymodifications.xcu'), RECALCULATE);
    const source = resolve(inPath);
    await convert(soffice, profile, 'csv:Text - txt - csv (StarCalc):44,34,76,1', outDir, source, timeoutMs);
    return await readFile(join(outDir, `${basename(source, extname(source))}.csv`), 'utf8');
  } finally {
    await rm(profile, { recursive: true, force: true });
    await rm(outDir, { recursive: true, force: true });
  }
}

/** One headless conversion of `source` into `outDir` with `filter`, in its own LibreOffice profile. */
function convert(
  soffice: string,
  profile: string,
  filter: string,
  outDir: string,
  source: string,
  timeoutMs: number,
): Promise<void> {
  const args = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--headless',
    '--norestore',
    '--nologo',
    '--nodefault',
    '--nolockcheck',
    '--convert-to',
    filter,
    '--outdir',
    outDir,
    source,
  ];
  return new Promise<void>((done, fail) => {
    execFile(soffice, args, { timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, _stdout, stderr) => {
      if (error) fail(new Error(`soffice failed on ${source}: ${error.message}\n${stderr}`));
      else done();
    });
  });
}
