/**
 * The PNG facts the store checks need: size, and where the opaque pixels of an
 * 8-bit RGBA image lie (what Chromium's screenshots write), with node's zlib.
 */
import { inflateSync } from 'node:zlib';

export interface PngSize {
  width: number;
  height: number;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Chunks {
  header: Buffer;
  data: Buffer;
}

function chunks(png: Buffer): Chunks {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  for (let at = 8; at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') header = body;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  if (!header) throw new Error('PNG without IHDR');
  return { header, data: Buffer.concat(data) };
}

export function pngSize(png: Buffer): PngSize {
  const { header } = chunks(png);
  return { width: header.readUInt32BE(0), height: header.readUInt32BE(4) };
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The smallest box (right and bottom exclusive) holding every pixel that is not fully transparent, or null. */
export function opaqueBox(png: Buffer): Box | null {
  const { header, data } = chunks(png);
  const [width, height] = [header.readUInt32BE(0), header.readUInt32BE(4)];
  const [depth, colour, interlace] = [header[8], header[9], header[12]];
  if (depth !== 8 || colour !== 6 || interlace !== 0) {
    throw new Error(`expected 8-bit RGBA without interlace, found depth ${depth}, colour type ${colour}, interlace ${interlace}`);
  }
  const raw = inflateSync(data);
  const stride = width * 4;
  let row = new Uint8Array(stride);
  let previous = new Uint8Array(stride);
  let box: Box | null = null;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? row[x - 4]! : 0;
      const b = previous[x]!;
      const c = x >= 4 ? previous[x - 4]! : 0;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else throw new Error(`bad PNG filter ${filter} on row ${y}`);
      row[x] = (line[x]! + predicted) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      if (row[x * 4 + 3] === 0) continue;
      box = box
        ? { left: Math.min(box.left, x), top: Math.min(box.top, y), right: Math.max(box.right, x + 1), bottom: y + 1 }
        : { left: x, top: y, right: x + 1, bottom: y + 1 };
    }
    [previous, row] = [row, previous];
  }
  return box;
}
