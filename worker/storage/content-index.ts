import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIR_MODE, FILE_MODE } from './durable-write.ts';

/** One submission of a workbook's content. */
export interface ContentEntry {
  id: string;
  ward: string;
  fiscalYear: number;
  division: string;
}

const SHA = /^[0-9a-f]{64}$/;

/**
 * Which submissions carried the same bytes (SHA-256): `content/ab/<sha256>.log`, one JSON line appended per
 * submission when a worker ingests it. An index, not a record: a lost line only loses a duplicate warning.
 */
export class ContentIndex {
  constructor(private readonly root: string) {}

  /** Records `entry` (once per id) and returns every other submission of the same content. */
  async add(sha256: string, entry: ContentEntry): Promise<ContentEntry[]> {
    if (!SHA.test(sha256)) return [];
    const path = this.path(sha256);
    const known = await this.read(path);
    if (!known.some((e) => e.id === entry.id)) {
      const line = `${JSON.stringify(entry)}\n`;
      await appendFile(path, line, { mode: FILE_MODE }).catch(async (err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
        await mkdir(join(this.root, 'content', sha256.slice(0, 2)), { recursive: true, mode: DIR_MODE });
        await appendFile(path, line, { mode: FILE_MODE });
      });
    }
    // Read again: a submission of the same bytes ingested at the same moment appended its line meanwhile.
    return (await this.read(path)).filter((e) => e.id !== entry.id);
  }

  private async read(path: string): Promise<ContentEntry[]> {
    const text = await readFile(path, 'utf8').catch(() => '');
    const entries: ContentEntry[] = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        entries.push(JSON.parse(line) as ContentEntry);
      } catch {
        // a torn line (crash mid-append) is skipped
      }
    }
    return entries;
  }

  private path(sha256: string): string {
    return join(this.root, 'content', sha256.slice(0, 2), `${sha256}.log`);
  }
}
