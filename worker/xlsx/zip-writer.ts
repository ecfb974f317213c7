import * as zlib from 'node:zlib';

/**
 * A zip archive built in memory for an .xlsx package: each entry is deflated as it is written (in
 * 256 KB slices, so a large sheet's XML is never held whole) and only the compressed bytes are kept.
 * Sizes are known before each local header is written, so no data descriptors are needed.
 */
export class ZipWriter {
  private readonly parts: Buffer[] = [];
  private readonly central: Buffer[] = [];
  private offset = 0;
  private entries = 0;
  private open = false;

  /** Adds an entry whose whole content is at hand. */
  add(name: string, content: string | Buffer): void {
    const entry = this.entry(name);
    entry.write(content);
    entry.end();
  }

  /** Starts an entry to be written in pieces; entries are written one at a time. */
  entry(name: string): ZipEntryWriter {
    if (this.open) throw new Error(`zip: ${name} started before the previous entry ended`);
    this.open = true;
    return new ZipEntryWriter((done) => {
      this.open = false;
      this.commit(name, done);
    });
  }

  /** The finished archive. */
  finish(): Buffer {
    if (this.open) throw new Error('zip: an entry is still open');
    const directory = Buffer.concat(this.central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    if (this.entries > 0xffff) throw new Error('zip: more than 65,535 entries');
    end.writeUInt16LE(this.entries, 8);
    end.writeUInt16LE(this.entries, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(this.offset, 16);
    return Buffer.concat([...this.parts, directory, end]);
  }

  private commit(name: string, e: FinishedEntry): void {
    const fileName = Buffer.from(name, 'utf8');
    const { date, time } = DOS_EPOCH;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.compressedSize, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(fileName.length, 26);
    // The central header repeats the local header's fields from "version needed" to the name length.
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    local.copy(header, 6, 4, 30);
    header.writeUInt32LE(this.offset, 42);
    if (this.offset + 30 + fileName.length + e.compressedSize > 0xffffffff)
      throw new Error('zip: archive larger than 4 GB');
    this.central.push(header, fileName);
    this.entries++;
    this.parts.push(local, fileName, ...e.chunks);
    this.offset += 30 + fileName.length + e.compressedSize;
  }
}

interface FinishedEntry {
  chunks: Buffer[];
  crc: number;
  size: number;
  compressedSize: number;
}

/** Bit 11: names are UTF-8. */
const UTF8_NAMES = 0x0800;
/** 1980-01-01 00:00, the zip epoch: the package's parts carry no meaningful time of their own. */
const DOS_EPOCH = { date: (0 << 9) | (1 << 5) | 1, time: 0 };
const SLICE = 256 * 1024;

/** One entry's content, deflated slice by slice: each slice ends on a sync flush, the last one finishes. */
export class ZipEntryWriter {
  private pending: string[] = [];
  private pendingLength = 0;
  private readonly chunks: Buffer[] = [];
  private crc = 0;
  private size = 0;
  private compressedSize = 0;

  constructor(private readonly onEnd: (entry: FinishedEntry) => void) {}

  write(content: string | Buffer): void {
    if (typeof content !== 'string') {
      this.flushText();
      this.deflate(content, false);
      return;
    }
    this.pending.push(content);
    this.pendingLength += content.length;
    if (this.pendingLength >= SLICE) this.flushText();
  }

  end(): void {
    this.flushText();
    this.deflate(Buffer.alloc(0), true);
    this.onEnd({ chunks: this.chunks, crc: this.crc, size: this.size, compressedSize: this.compressedSize });
  }

  private flushText(): void {
    if (this.pendingLength === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    this.deflate(Buffer.from(text, 'utf8'), false);
  }

  private deflate(data: Buffer, last: boolean): void {
    this.crc = crc32(data, this.crc);
    this.size += data.length;
    if (this.size > 0xffffffff) throw new Error('zip: entry larger than 4 GB');
    // Independent slices joined by sync flushes form one valid deflate stream: no slice refers back.
    const out = zlib.deflateRawSync(data, {
      level: 6,
      finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
    });
    this.chunks.push(out);
    this.compressedSize += out.length;
  }
}

type Crc32 = (data: Uint8Array, previous?: number) => number;

/** CRC-32 (IEEE), resumable: zlib's (Node 20.15 and later), else a table-driven one. */
export const crc32: Crc32 = (zlib as { crc32?: Crc32 }).crc32 ?? tableCrc32;

let table: Uint32Array | undefined;

/** The table-driven CRC-32 for Nodes without zlib.crc32 (exported for its test). */
export function tableCrc32(data: Uint8Array, previous = 0): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
