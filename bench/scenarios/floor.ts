// The floor: inflate every sheet XML and the shared strings of each workbook and count cells, building
// nothing — what merely getting at the bytes costs, one thread, no process start-up.
import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import yauzl, { type Entry } from 'yauzl';
import { cpuNow } from '../measure.ts';

export interface FloorResult {
  workbooks: number;
  cells: number;
  wallMs: number;
  cpuMs: number;
  /** When repeated: every run's wall time, in run order (this run is the median). */
  wallRunsMs?: number[];
}

const PART = /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/;
const LT_C = Buffer.from('<c ');

function entries(bytes: Buffer): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: false }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const out: Entry[] = [];
      zip.on('entry', (e: Entry) => out.push(e));
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
    });
  });
}

/** Counts `<c ` in the inflated sheet parts of every file. */
export async function runFloor(files: readonly string[]): Promise<FloorResult> {
  const wall = performance.now();
  const cpu = cpuNow();
  let cells = 0;
  for (const file of files) {
    const bytes = await readFile(file);
    for (const entry of await entries(bytes)) {
      if (!PART.test(entry.fileName)) continue;
      const nameLength = bytes.readUInt16LE(entry.relativeOffsetOfLocalHeader + 26);
      const extraLength = bytes.readUInt16LE(entry.relativeOffsetOfLocalHeader + 28);
      const start = entry.relativeOffsetOfLocalHeader + 30 + nameLength + extraLength;
      const raw = bytes.subarray(start, start + entry.compressedSize);
      const xml = entry.compressionMethod === 8 ? inflateRawSync(raw) : raw;
      if (!entry.fileName.startsWith('xl/worksheets/')) continue;
      for (let at = xml.indexOf(LT_C); at >= 0; at = xml.indexOf(LT_C, at + 3)) cells++;
    }
  }
  return { workbooks: files.length, cells, wallMs: performance.now() - wall, cpuMs: cpuNow() - cpu };
}
