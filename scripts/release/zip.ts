/**
 * Reads the zips WXT writes (JSZip: no zip64, stored or deflated entries), so
 * the release checks need no unzip program.
 */
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

interface CentralRecord {
  /** Where this record starts in the central directory. */
  at: number;
  name: string;
  method: number;
  compressedSize: number;
  localHeader: number;
}

function centralDirectory(zip: Buffer): CentralRecord[] {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) end--;
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  const records: CentralRecord[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_FILE_HEADER) throw new Error(`bad central directory record ${i}`);
    const nameLength = zip.readUInt16LE(at + 28);
    records.push({
      at,
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      localHeader: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return records;
}

/** Every file in the zip, directories left out, in the zip's order. */
export function readZip(zip: Buffer): ZipEntry[] {
  return centralDirectory(zip)
    .filter((r) => !r.name.endsWith('/'))
    .map((r) => {
      if (zip.readUInt32LE(r.localHeader) !== LOCAL_FILE_HEADER) throw new Error(`${r.name}: bad local header`);
      const start = r.localHeader + 30 + zip.readUInt16LE(r.localHeader + 26) + zip.readUInt16LE(r.localHeader + 28);
      const raw = zip.subarray(start, start + r.compressedSize);
      if (r.method !== 0 && r.method !== 8) throw new Error(`${r.name}: compression method ${r.method}`);
      return { name: r.name, data: r.method === 8 ? inflateRawSync(raw) : Buffer.from(raw) };
    });
}

export const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * One SHA-256 for what a zip holds: its files' names and contents, in name
 * order. Two builds of the same sources agree on it; the zips' own bytes do
 * not, since JSZip stamps each entry with the time of zipping and WXT adds the
 * files in the filesystem's directory order.
 */
export function contentDigest(entries: ZipEntry[]): string {
  const sorted = [...entries].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  return sha256(Buffer.from(sorted.map((e) => `${sha256(e.data)}  ${e.name}\n`).join('')));
}
