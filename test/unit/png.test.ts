import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodePng } from '../e2e/helpers/png';
import { REPO_ROOT } from '../seeds';

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  // The decoder does not check CRCs: zeros stand in for them.
  return Buffer.concat([head, body, Buffer.alloc(4)]);
}

/** An RGB PNG whose rows use the filters given, encoded by the definition of each filter. */
function rgbPng(pixels: number[][], filters: number[]): Buffer {
  const width = pixels[0]!.length / 3;
  const paeth = (a: number, b: number, c: number) => {
    const p = a + b - c;
    const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  };
  const rows = pixels.map((row, y) => {
    const up = pixels[y - 1];
    const out = row.map((v, x) => {
      const a = x >= 3 ? row[x - 3]! : 0;
      const b = up ? up[x]! : 0;
      const c = up && x >= 3 ? up[x - 3]! : 0;
      const pred = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filters[y]!]!;
      return (v - pred + 256) & 0xff;
    });
    return Buffer.from([filters[y]!, ...out]);
  });
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(pixels.length, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('decodePng (the pixel tests read screenshots with it)', () => {
  it('undoes every row filter of an RGB image and adds opaque alpha', () => {
    const pixels = [
      [10, 20, 30, 200, 100, 0, 255, 255, 255],
      [0, 0, 0, 12, 250, 3, 90, 91, 92],
      [7, 77, 177, 1, 2, 3, 240, 10, 128],
      [255, 0, 255, 128, 128, 128, 3, 250, 9],
      [60, 50, 40, 30, 20, 10, 0, 255, 0],
    ];
    const bmp = decodePng(rgbPng(pixels, [0, 1, 2, 3, 4]));
    expect([bmp.width, bmp.height]).toEqual([3, 5]);
    const rgba = pixels.flatMap((row) => [0, 1, 2].flatMap((i) => [...row.slice(i * 3, i * 3 + 3), 255]));
    expect(Array.from(bmp.data)).toEqual(rgba);
  });

  it('reads an RGBA image: the icon is transparent in its corner and opaque in its middle', () => {
    const bmp = decodePng(readFileSync(join(REPO_ROOT, 'public', 'icons', '32.png')));
    expect([bmp.width, bmp.height]).toEqual([32, 32]);
    expect(bmp.data[3]).toBe(0);
    expect(bmp.data[(16 * 32 + 16) * 4 + 3]).toBe(255);
  });

  it('refuses what it cannot read', () => {
    expect(() => decodePng(Buffer.from('not a png'))).toThrow(/not a PNG/);
  });
});
