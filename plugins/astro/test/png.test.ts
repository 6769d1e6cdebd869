import { crc32, inflateSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { encodePng } from '../social-images.ts';

/** The chunks of a PNG, each with its CRC checked. */
function chunks(png: Buffer): Array<{ type: string; data: Buffer }> {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const found = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const typed = png.subarray(at + 4, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(typed));
    found.push({ type: typed.subarray(0, 4).toString('ascii'), data: typed.subarray(4) });
    at += length + 12;
  }
  return found;
}

test('encodePng writes RGBA pixels as IHDR, IDAT and IEND with valid CRCs, rows unfiltered and lossless', () => {
  const width = 3;
  const height = 2;
  const rgba = Buffer.from([...Array(width * height * 4).keys()].map((value) => (value * 37) % 256));
  const found = chunks(encodePng(width, height, rgba));
  expect(found.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  const header = found[0]!.data;
  expect([header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9], header[10], header[11], header[12]]).toEqual([width, height, 8, 6, 0, 0, 0]);
  const raw = inflateSync(found[1]!.data);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    expect(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1))).toEqual(rgba.subarray(y * width * 4, (y + 1) * width * 4));
  }
});

test('encodePng reuses its row buffer between images without mixing them: each PNG holds its own pixels', () => {
  const decode = (png: Buffer, width: number) => {
    const raw = inflateSync(chunks(png)[1]!.data);
    const rows = [];
    for (let at = 0; at < raw.length; at += width * 4 + 1) {
      expect(raw[at]).toBe(0);
      rows.push(raw.subarray(at + 1, at + 1 + width * 4));
    }
    return Buffer.concat(rows);
  };
  const first = Buffer.alloc(4 * 4 * 4, 0xff);
  const second = Buffer.from([...Array(4 * 4 * 4).keys()]);
  const smaller = Buffer.alloc(2 * 3 * 4, 7);
  const pngs = [encodePng(4, 4, first), encodePng(4, 4, second), encodePng(2, 3, smaller), encodePng(4, 4, first)];
  expect(decode(pngs[0]!, 4)).toEqual(first);
  expect(decode(pngs[1]!, 4)).toEqual(second);
  expect(decode(pngs[2]!, 2)).toEqual(smaller);
  expect(pngs[3]).toEqual(pngs[0]);
});
