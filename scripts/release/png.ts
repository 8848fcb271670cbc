/**
 * The PNG facts the store checks need: size, and where the opaque pixels lie.
 * Decoding is the pixel tests' own (test/e2e/helpers/png.ts): one PNG reader.
 */
import { decodePng } from '../../test/e2e/helpers/png';

export interface PngSize {
  width: number;
  height: number;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Read from the IHDR chunk, which the PNG format puts first, right after the signature. */
export function pngSize(png: Buffer): PngSize {
  if (!png.subarray(0, 8).equals(SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG file');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The smallest box (right and bottom exclusive) holding every pixel that is not fully transparent, or null. */
export function opaqueBox(png: Buffer): Box | null {
  const { width, height, data } = decodePng(png);
  let box: Box | null = null;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[(y * width + x) * 4 + 3] === 0) continue;
      box = box
        ? { left: Math.min(box.left, x), top: Math.min(box.top, y), right: Math.max(box.right, x + 1), bottom: y + 1 }
        : { left: x, top: y, right: x + 1, bottom: y + 1 };
    }
  }
  return box;
}
