// Writes the ribbon and manifest icons (16, 32, 64, 80 px) as PNGs: a blue tile with a white sheet, ruled
// lines and a check mark. Run: npx tsx addin/scripts/make-icons.ts (the output is committed).
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** Encodes RGBA pixels as a PNG (8-bit, colour type 6, no filtering). */
export function encodePng(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

const BLUE: Rgba = [31, 111, 178, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const LINE: Rgba = [160, 190, 220, 255];
const GREEN: Rgba = [33, 140, 70, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** The icon at unit coordinates (0..1), sampled once per pixel centre. */
function icon(u: number, v: number): Rgba {
  const r = 0.16;
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return CLEAR;
  const distToCheck = Math.min(segment(u, v, 0.42, 0.62, 0.52, 0.74), segment(u, v, 0.52, 0.74, 0.76, 0.42));
  if (distToCheck < 0.065) return GREEN;
  if (u > 0.2 && u < 0.8 && v > 0.16 && v < 0.84) {
    if (u > 0.28 && u < 0.72 && [0.3, 0.42, 0.54].some((y) => Math.abs(v - y) < 0.025)) return LINE;
    return WHITE;
  }
  return BLUE;
}

function segment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const t = Math.max(
    0,
    Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!)) {
  for (const size of [16, 32, 64, 80]) {
    writeFileSync(
      new URL(`../public/assets/icon-${size}.png`, import.meta.url),
      encodePng(size, (x, y) => icon((x + 0.5) / size, (y + 0.5) / size)),
    );
  }
}
