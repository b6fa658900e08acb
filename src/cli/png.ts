/**
 * A small PNG encoder and decoder, enough for the Teams app icons: the encoder
 * writes 8-bit RGBA (`npm run icons`); the decoder reads what a council's designer
 * might hand over instead (8- or 16-bit grey, grey+alpha, RGB, RGBA, palette with
 * tRNS; not interlaced) so `npm run package` can check the icons' real size and
 * the outline icon's colours. Chunk CRCs are verified. No dependency: zlib only.
 */
import { crc32, deflateSync, inflateSync } from 'node:zlib';

/** Straight (not premultiplied) 8-bit RGBA, row by row, 4 bytes a pixel. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export type PngResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: 'notPng' | 'unsupported'; detail: string } };

const SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, body: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'latin1');
  out.set(body, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}

/** Encodes RGBA pixels as a PNG. Same pixels give the same bytes (no timestamps, fixed zlib level). */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, data } = image;
  if (data.length !== width * height * 4) throw new RangeError(`expected ${width * height * 4} bytes of RGBA`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // not interlaced
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    // Filter "Sub" on every row: small, simple, and compresses flat icons well.
    const row = y * (stride + 1);
    raw[row] = 1;
    for (let i = 0; i < stride; i++) {
      const left = i >= 4 ? data[y * stride + i - 4]! : 0;
      raw[row + 1 + i] = (data[y * stride + i]! - left) & 0xff;
    }
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colourType: number;
  readonly interlaced: boolean;
}

interface Chunk {
  readonly type: string;
  readonly body: Buffer;
}

function readChunks(bytes: Uint8Array): PngResult<Chunk[]> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 8 || !buf.subarray(0, 8).equals(SIGNATURE)) {
    return { ok: false, error: { code: 'notPng', detail: 'the file does not start with the PNG signature' } };
  }
  const chunks: Chunk[] = [];
  let at = 8;
  while (at + 12 <= buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > buf.length) break;
    const body = buf.subarray(at + 8, at + 8 + length);
    if (buf.readUInt32BE(at + 8 + length) !== crc32(buf.subarray(at + 4, at + 8 + length))) {
      return { ok: false, error: { code: 'notPng', detail: `the ${type} chunk's CRC is wrong (the file is damaged)` } };
    }
    chunks.push({ type, body });
    at += 12 + length;
    if (type === 'IEND') return { ok: true, value: chunks };
  }
  return { ok: false, error: { code: 'notPng', detail: 'the file ends before its IEND chunk (truncated)' } };
}

function headerOf(chunks: readonly Chunk[]): PngResult<PngHeader> {
  const ihdr = chunks[0];
  if (ihdr?.type !== 'IHDR' || ihdr.body.length !== 13) {
    return { ok: false, error: { code: 'notPng', detail: 'the first chunk is not a 13-byte IHDR' } };
  }
  return {
    ok: true,
    value: {
      width: ihdr.body.readUInt32BE(0),
      height: ihdr.body.readUInt32BE(4),
      bitDepth: ihdr.body[8]!,
      colourType: ihdr.body[9]!,
      interlaced: ihdr.body[12] !== 0,
    },
  };
}

/** Width, height and format from the IHDR chunk. */
export function readPngHeader(bytes: Uint8Array): PngResult<PngHeader> {
  const chunks = readChunks(bytes);
  return chunks.ok ? headerOf(chunks.value) : chunks;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes a PNG to straight 8-bit RGBA (16-bit samples keep their high byte). */
export function decodePng(bytes: Uint8Array): PngResult<RgbaImage> {
  const chunks = readChunks(bytes);
  if (!chunks.ok) return chunks;
  const header = headerOf(chunks.value);
  if (!header.ok) return header;
  const { width, height, bitDepth, colourType, interlaced } = header.value;
  const channels = CHANNELS[colourType];
  const unsupported = (detail: string): PngResult<RgbaImage> => ({ ok: false, error: { code: 'unsupported', detail } });
  if (channels === undefined) return unsupported(`colour type ${colourType} is not a PNG colour type`);
  if (interlaced) return unsupported('interlaced PNGs are not read here; save the icon without interlacing');
  if (colourType === 3 ? bitDepth !== 8 : bitDepth !== 8 && bitDepth !== 16) {
    return unsupported(`bit depth ${bitDepth} with colour type ${colourType} is not read here; save as 8-bit RGBA`);
  }
  const palette = chunks.value.find((c) => c.type === 'PLTE')?.body;
  const transparency = chunks.value.find((c) => c.type === 'tRNS')?.body;
  if (colourType === 3 && !palette) return unsupported('a palette image without a PLTE chunk');

  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(chunks.value.filter((c) => c.type === 'IDAT').map((c) => c.body)));
  } catch (e) {
    return { ok: false, error: { code: 'notPng', detail: `the image data does not inflate: ${(e as Error).message}` } };
  }
  const bpp = (channels * bitDepth) / 8;
  const stride = width * bpp;
  if (raw.length < (stride + 1) * height) {
    return { ok: false, error: { code: 'notPng', detail: 'the image data is shorter than the header says' } };
  }
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const dst = y * stride;
    for (let i = 0; i < stride; i++) {
      const x = raw[src + i]!;
      const a = i >= bpp ? pixels[dst + i - bpp]! : 0;
      const b = y > 0 ? pixels[dst - stride + i]! : 0;
      const c = i >= bpp && y > 0 ? pixels[dst - stride + i - bpp]! : 0;
      let v: number;
      switch (filter) {
        case 0:
          v = x;
          break;
        case 1:
          v = x + a;
          break;
        case 2:
          v = x + b;
          break;
        case 3:
          v = x + ((a + b) >> 1);
          break;
        case 4:
          v = x + paeth(a, b, c);
          break;
        default:
          return { ok: false, error: { code: 'notPng', detail: `row ${y} has an unknown filter type ${filter}` } };
      }
      pixels[dst + i] = v & 0xff;
    }
  }

  const sampleBytes = bitDepth / 8;
  const sample = (pixel: number, channel: number): number => pixels[pixel * bpp + channel * sampleBytes]!;
  // Grey and RGB images may name one colour as transparent in tRNS (16-bit samples there).
  const keyedOut = (pixel: number): boolean => {
    if (!transparency || (colourType !== 0 && colourType !== 2)) return false;
    for (let ch = 0; ch < channels; ch++) {
      const at = pixel * bpp + ch * sampleBytes;
      const value = sampleBytes === 2 ? pixels.readUInt16BE(at) : pixels[at]!;
      if (transparency.length < (ch + 1) * 2 || transparency.readUInt16BE(ch * 2) !== value) return false;
    }
    return true;
  };
  const data = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    let r: number, g: number, b: number, a: number;
    if (colourType === 0 || colourType === 4) {
      r = g = b = sample(p, 0);
      a = colourType === 4 ? sample(p, 1) : keyedOut(p) ? 0 : 255;
    } else if (colourType === 3) {
      const index = pixels[p]!;
      r = palette![index * 3] ?? 0;
      g = palette![index * 3 + 1] ?? 0;
      b = palette![index * 3 + 2] ?? 0;
      a = transparency?.[index] ?? 255;
    } else {
      r = sample(p, 0);
      g = sample(p, 1);
      b = sample(p, 2);
      a = colourType === 6 ? sample(p, 3) : keyedOut(p) ? 0 : 255;
    }
    data.set([r, g, b, a], p * 4);
  }
  return { ok: true, value: { width, height, data } };
}
