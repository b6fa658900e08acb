import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { decodePng, encodePng, readPngHeader } from '../../../src/cli/png';
import { drawColourIcon, drawOutlineIcon } from '../../../src/cli/icons';
import { checkIcon, readZip, writeZip, zipDifferences } from '../../../src/cli/package';

/** expect.stringMatching / stringContaining, typed for use inside object literals. */
const matching = (pattern: RegExp) => expect.stringMatching(pattern) as string;

/** A PNG assembled by hand, to read filters and colour types our encoder never writes. */
function handMadePng(width: number, height: number, colourType: number, rows: number[][]): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const out = Buffer.alloc(12 + body.length);
    out.writeUInt32BE(body.length, 0);
    out.write(type, 4, 'latin1');
    body.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = colourType;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from(rows.flat()))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('PNG', () => {
  it('reads back what it writes, byte for byte the same each time', () => {
    const image = drawOutlineIcon();
    const png = encodePng(image);
    expect(encodePng(drawOutlineIcon()).equals(png)).toBe(true);
    const back = decodePng(png);
    expect(back.ok && Buffer.from(back.value.data).equals(Buffer.from(image.data))).toBe(true);
    expect(readPngHeader(png)).toEqual({
      ok: true,
      value: { width: 32, height: 32, bitDepth: 8, colourType: 6, interlaced: false },
    });
  });

  it('undoes every PNG filter (none, sub, up, average, Paeth) in an RGB image', () => {
    // 2x5 RGB, one row per filter type; every pixel decodes to (10,20,30) then (40,50,60).
    const rows = [
      [0, 10, 20, 30, 40, 50, 60],
      [1, 10, 20, 30, 30, 30, 30],
      [2, 0, 0, 0, 0, 0, 0],
      [3, 5, 10, 15, 15, 15, 15],
      [4, 0, 0, 0, 0, 0, 0],
    ];
    const decoded = decodePng(handMadePng(2, 5, 2, rows));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    for (let y = 0; y < 5; y++) {
      expect([...decoded.value.data.subarray(y * 8, y * 8 + 8)]).toEqual([10, 20, 30, 255, 40, 50, 60, 255]);
    }
  });

  it('says what is wrong with a file that is not a PNG or is damaged', () => {
    expect(decodePng(Buffer.from('GIF89a'))).toMatchObject({ ok: false, error: { code: 'notPng' } });
    const png = encodePng(drawOutlineIcon());
    png[40] = png[40]! ^ 0xff; // inside IDAT
    expect(decodePng(png)).toMatchObject({ ok: false, error: { detail: matching(/CRC/) } });
  });
});

describe('the icons', () => {
  it('are drawn at 192x192 (colour, opaque) and 32x32 (white on transparent)', () => {
    const colour = drawColourIcon();
    expect([colour.width, colour.height]).toEqual([192, 192]);
    expect(checkIcon('color.png', encodePng(colour), { width: 192, height: 192 })).toEqual([]);
    expect(
      checkIcon('outline.png', encodePng(drawOutlineIcon()), { width: 32, height: 32, whiteOnTransparent: true }),
    ).toEqual([]);
  });

  it('are committed as `npm run icons` draws them', () => {
    expect(readFileSync('manifest/color.png').equals(encodePng(drawColourIcon()))).toBe(true);
    expect(readFileSync('manifest/outline.png').equals(encodePng(drawOutlineIcon()))).toBe(true);
  });

  it('an outline icon with colour, or without a transparent background, is refused', () => {
    const want = { width: 32, height: 32, whiteOnTransparent: true };
    const colour = encodePng(drawColourIcon(32));
    expect(checkIcon('outline.png', colour, want)).toEqual([
      expect.stringMatching(
        /^outline\.png must be white \(#FFFFFF\) on a transparent background: \d+ visible pixels are not white \(the first, at 0,0, is #12606B\)$/,
      ),
      'outline.png must have a transparent background: no pixel is transparent',
    ]);
    expect(checkIcon('color.png', encodePng(drawOutlineIcon()), { width: 192, height: 192 })).toEqual([
      'color.png must be 192x192 pixels; it is 32x32',
    ]);
  });
});

describe('zip', () => {
  const files = [
    { name: 'manifest.json', data: Buffer.from('{"a":1}\n'.repeat(50)) },
    { name: 'cy-gb.json', data: Buffer.from('{"name.short":"Cofrestr Cydweithio – ŵ ŷ"}') },
    { name: 'empty.txt', data: Buffer.alloc(0) },
  ];

  it('reads back every file, deflated or stored, and writes the same bytes each time', () => {
    const zip = writeZip(files);
    expect(Buffer.from(writeZip(files)).equals(Buffer.from(zip))).toBe(true);
    expect(zipDifferences(zip, files)).toEqual([]);
    const back = readZip(zip);
    expect(back.ok && back.entries.map((e) => [e.name, Buffer.from(e.data).toString()])).toEqual(
      files.map((f) => [f.name, f.data.toString()]),
    );
  });

  it('notices a damaged file', () => {
    const entries = [{ name: 'a.txt', data: Buffer.from('stored as is') }];
    const zip = writeZip(entries);
    expect(zip[8]).toBe(0); // stored: deflating would not make it smaller
    zip[35] = zip[35]! ^ 0xff; // first byte of a.txt's data (30-byte header, 5-byte name)
    expect(zipDifferences(zip, entries)).toEqual(['a.txt does not read back as written']);
    expect(readZip(Buffer.from('not a zip'))).toMatchObject({ ok: false, error: { code: 'notZip' } });
    expect(zipDifferences(Buffer.from('not a zip'), entries)).toEqual([
      expect.stringContaining('the zip does not read back'),
    ]);
  });

  it('refuses the same name twice', () => {
    expect(() => writeZip([files[0]!, files[0]!])).toThrow('manifest.json is in the archive twice');
  });
});
