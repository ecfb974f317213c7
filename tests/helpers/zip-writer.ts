import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import { crc32 } from '../../worker/xlsx/zip-writer.ts';

/** Test helper: a minimal zip writer (stored or deflated entries) for building hostile packages by hand. */

/** CRC-32 (IEEE), resumable: the writer's own, so a hand-built package checks the same way. */
export { crc32 };

/** One entry, already compressed; sizes may lie on purpose. */
export interface RawZipEntry {
  name: string;
  method: 0 | 8;
  compressed: Buffer;
  crc: number;
  uncompressedSize: number;
  /** General purpose flag bits (bit 0 = encrypted). */
  flags?: number;
}

/** Entry input for `zip`: content is deflated unless `store` is set. */
export interface ZipEntryInput {
  name: string;
  content: string | Buffer;
  store?: boolean;
}

/** Compresses an entry. */
export function entry(name: string, content: string | Buffer, store = false): RawZipEntry {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return {
    name,
    method: store ? 0 : 8,
    compressed: store ? data : deflateRawSync(data),
    crc: crc32(data),
    uncompressedSize: data.length,
  };
}

/** Builds a zip archive from entries. */
export function zip(entries: (ZipEntryInput | RawZipEntry)[]): Buffer {
  const raws = entries.map((e) => ('compressed' in e ? e : entry(e.name, e.content, e.store ?? false)));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of raws) {
    const name = Buffer.from(e.name, 'utf8');
    const flags = (e.flags ?? 0) | 0x0800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.compressed.length, 18);
    local.writeUInt32LE(e.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, e.compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.compressed.length, 20);
    central.writeUInt32LE(e.uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + e.compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(raws.length, 8);
  end.writeUInt16LE(raws.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A deflated entry of `size` zero bytes, produced chunk by chunk so the zeros never sit in memory at once. */
export async function zerosEntry(name: string, size: number, declaredSize = size): Promise<RawZipEntry> {
  const chunk = Buffer.alloc(1024 * 1024);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  for (let left = size; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return { name, method: 8, compressed: Buffer.concat(out), crc, uncompressedSize: declaredSize };
}

/** The smallest package parts that make a zip look like an .xlsx to the pre-check. */
export const MINIMAL_XLSX_PARTS: ZipEntryInput[] = [
  {
    name: '[Content_Types].xml',
    content:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
  },
  {
    name: 'xl/workbook.xml',
    content:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
  },
];
