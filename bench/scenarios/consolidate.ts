// Embedded `mokuhyo consolidate` and the openpyxl peer, each as a real child process on the same folder.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, sep } from 'node:path';
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
  /** mokuhyo only: its phases as `--timings` reports them (ms); null for the peer. */
  phases: Phases | null;
  /** When the scenario was repeated: every run's wall time, in run order (this run is the median). */
  wallRunsMs?: number[];
}

export interface Phases {
  startMs: number;
  ingestMs: number;
  buildMs: number;
  writeMs: number;
}

/** The numbers of `consolidate --timings`' line (処理時間: 起動 … 秒、読み込み・検証 … 秒…), or null. */
export function parsePhases(stderr: string): Phases | null {
  const m = /起動 ([\d.]+) 秒、読み込み・検証 ([\d.]+) 秒.*?、集計 ([\d.]+) 秒、書き出し ([\d.]+) 秒/.exec(stderr);
  if (!m) return null;
  const [startMs, ingestMs, buildMs, writeMs] = m.slice(1, 5).map((v) => Number(v) * 1000) as [
    number,
    number,
    number,
    number,
  ];
  return { startMs, ingestMs, buildMs, writeMs };
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/mokuhyo.js');
const PEER = join(ROOT, 'bench/peer/openpyxl_consolidate.py');
export const PYTHON = '/usr/bin/python3';

function toRun(workbooks: number, m: Measured, note: string, phases: Phases | null = null): ProcessRun {
  return {
    workbooks,
    wallMs: m.wallMs,
    cpuMs: m.cpuMs,
    peakRssMb: m.peakRssMb,
    workbooksPerSecond: workbooks / (m.wallMs / 1000),
    note,
    phases,
  };
}

/** `node bin/mokuhyo.js consolidate <dir> -o <out>` with an optional --threads. */
export async function runEmbedded(
  dir: string,
  workbooks: number,
  outDir: string,
  threads?: number,
): Promise<ProcessRun> {
  await mkdir(outDir, { recursive: true });
  // The corpus spans several bodies and years: one summary each, into a folder per run.
  const out = join(outDir, `summary-${workbooks}-${threads ?? 'auto'}`) + sep;
  const args = [BIN, 'consolidate', dir, '-o', out, '--timings', ...(threads ? ['--threads', String(threads)] : [])];
  const m = await measureProcess(process.execPath, args);
  if (m.exitCode !== 0) throw new Error(`mokuhyo consolidate failed (${m.exitCode}): ${m.stderr.slice(-500)}`);
  const line =
    m.stdout
      .split('\n')
      .find((l) => l.startsWith('合計:'))
      ?.trim() ??
    m.stdout.split('\n')[1]?.trim() ??
    '';
  return toRun(workbooks, m, line, parsePhases(m.stderr));
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
