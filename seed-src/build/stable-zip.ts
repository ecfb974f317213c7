// exceljs (through JSZip) stamps every zip entry with the current time; committed seeds must not change
// when nothing in them changed, so the builder rewrites those stamps to one fixed date.

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** MS-DOS date and time words for a calendar date at 00:00:00. */
export function dosDateTime(year: number, month: number, day: number): { date: number; time: number } {
  return { date: ((year - 1980) << 9) | (month << 5) | day, time: 0 };
}

/** Returns a copy of a zip whose entries all carry the given DOS modification date and time. */
export function withFixedZipTimestamps(zip: Uint8Array, stamp: { date: number; time: number }): Buffer {
  const buf = Buffer.from(zip);
  const eocd = findEndOfCentralDirectory(buf);
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (buf.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw new Error(`zip: no central directory entry at ${p}`);
    buf.writeUInt16LE(stamp.time, p + 12);
    buf.writeUInt16LE(stamp.date, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== LOCAL_SIGNATURE) throw new Error(`zip: no local header at ${local}`);
    buf.writeUInt16LE(stamp.time, local + 10);
    buf.writeUInt16LE(stamp.date, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

function findEndOfCentralDirectory(buf: Buffer): number {
  for (let p = buf.length - 22; p >= Math.max(0, buf.length - 22 - 0xffff); p--) {
    if (buf.readUInt32LE(p) === EOCD_SIGNATURE) return p;
  }
  throw new Error('zip: end of central directory not found');
}
