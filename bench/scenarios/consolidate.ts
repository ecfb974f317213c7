// Embedded `mokuhyo consolidate` and the openpyxl peer, each as a real child process on the same folder.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureProcess, type Measured } from '../measure.ts';

export interface ProcessRun {
  workbooks: number;
  wallMs: number;
  cpuMs: number;
  peakRssMb: number | null;
  workbooksPerSecond: number;
  /** The tool's own one-line account (rows written, files refused). */
  note: string;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/mokuhyo.js');
const PEER = join(ROOT, 'bench/peer/openpyxl_consolidate.py');
export const PYTHON = '/usr/bin/python3';

function toRun(workbooks: number, m: Measured, note: string): ProcessRun {
  return { workbooks, wallMs: m.wallMs, cpuMs: m.cpuMs, peakRssMb: m.peakRssMb, workbooksPerSecond: workbooks / (m.wallMs / 1000), note };
}

/** `node bin/mokuhyo.js consolidate <dir> -o <out>` with an optional --threads. */
export async function runEmbedded(dir: string, workbooks: number, outDir: string, threads?: number): Promise<ProcessRun> {
  await mkdir(outDir, { recursive: true });
  const out = join(outDir, `summary-${workbooks}-${threads ?? 'auto'}.xlsx`);
  const args = [BIN, 'consolidate', dir, '-o', out, ...(threads ? ['--threads', String(threads)] : [])];
  const m = await measureProcess(process.execPath, args);
  if (m.exitCode !== 0) throw new Error(`mokuhyo consolidate failed (${m.exitCode}): ${m.stderr.slice(-500)}`);
  const line = m.stdout.split('\n')[1]?.trim() ?? '';
  return toRun(workbooks, m, line);
}

/** True when /usr/bin/python3 can import openpyxl. */
export async function peerAvailable(): Promise<boolean> {
  if (!existsSync(PYTHON)) return false;
  const m = await measureProcess(PYTHON, ['-c', 'import openpyxl']);
  return m.exitCode === 0;
}

/** The coordinator's openpyxl script on the same folder. */
export async function runPeer(dir: string, workbooks: number, outDir: string): Promise<ProcessRun> {
  await mkdir(outDir, { recursive: true });
  const m = await measureProcess(PYTHON, [PEER, join(outDir, `peer-${workbooks}.xlsx`), dir]);
  if (m.exitCode !== 0) throw new Error(`openpyxl peer failed (${m.exitCode}): ${m.stderr.slice(-500)}`);
  return toRun(workbooks, m, m.stdout.trim());
}
