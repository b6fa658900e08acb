/**
 * `npm run icons`: draws the Teams app icons, `manifest/color.png` (192x192, full
 * colour) and `manifest/outline.png` (32x32, white on transparent, as Teams
 * requires), and writes them. The mark is two interlocking rings, one passing over
 * the other at the top crossing and under it at the bottom: partners joined, each
 * keeping its own shape. Edges are anti-aliased from signed distances, so the output
 * is exact arithmetic and the same bytes on every run; the PNGs are committed.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodePng, type RgbaImage } from './png';

/** The manifest's accentColor and the colour icon's background: a deep teal. */
export const ACCENT_COLOUR = '#12606B';
const RING_FRONT = '#FFFFFF';
const RING_BACK = '#F2B544';

export const COLOUR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

interface RingGeometry {
  /** Half the distance between the rings' centres, as a fraction of the icon's side. */
  readonly offset: number;
  readonly radius: number;
  readonly stroke: number;
  /** Clear space around the ring in front where it crosses the other one. */
  readonly gap: number;
}

/** The colour icon keeps its mark inside the middle ~60%, as Teams' icon guidance asks. */
const COLOUR_GEOMETRY: RingGeometry = { offset: 0.105, radius: 0.175, stroke: 0.07, gap: 0.03 };
/** The outline icon fills its 32 px with a 1 px margin, with strokes of about 3 px. */
const OUTLINE_GEOMETRY: RingGeometry = { offset: 0.165, radius: 0.255, stroke: 0.1, gap: 0.05 };

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

const clamp01 = (v: number): number => (v < 0 ? 0 : v > 1 ? 1 : v);

/**
 * Coverage of the two rings at a pixel centre: the ring in front (left ring above the
 * centre line, right ring below it), its clear-space halo, and the ring behind.
 */
function rings(size: number, g: RingGeometry, px: number, py: number) {
  const x = (px + 0.5) / size - 0.5;
  const y = (py + 0.5) / size - 0.5;
  const ring = (cx: number): number => Math.abs(Math.sqrt((x - cx) ** 2 + y * y) - g.radius) - g.stroke / 2;
  const left = ring(-g.offset);
  const right = ring(g.offset);
  const leftInFront = y < 0;
  const front = leftInFront ? left : right;
  const back = leftInFront ? right : left;
  // Signed distances are in icon units; a pixel is 1/size. Coverage = 0.5 - distance in pixels.
  return {
    leftInFront,
    front: clamp01(0.5 - front * size),
    halo: clamp01(0.5 - (front - g.gap) * size),
    back: clamp01(0.5 - back * size),
  };
}

const mix = (a: number, b: number, t: number): number => a + (b - a) * t;

/** 192x192: the rings, white and gold, on the accent colour. */
export function drawColourIcon(size = COLOUR_ICON_SIZE): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  const bg = rgb(ACCENT_COLOUR);
  const white = rgb(RING_FRONT);
  const gold = rgb(RING_BACK);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const c = rings(size, COLOUR_GEOMETRY, px, py);
      const frontColour = c.leftInFront ? white : gold;
      const backColour = c.leftInFront ? gold : white;
      const at = (py * size + px) * 4;
      for (let ch = 0; ch < 3; ch++) {
        let v = mix(bg[ch]!, backColour[ch]!, c.back);
        v = mix(v, bg[ch]!, c.halo);
        v = mix(v, frontColour[ch]!, c.front);
        data[at + ch] = Math.round(v);
      }
      data[at + 3] = 255;
    }
  }
  return { width: size, height: size, data };
}

/** 32x32: the same rings in white on a transparent background; the halo is cut out. */
export function drawOutlineIcon(size = OUTLINE_ICON_SIZE): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const c = rings(size, OUTLINE_GEOMETRY, px, py);
      const behind = c.back * (1 - c.halo);
      const alpha = c.front + behind * (1 - c.front);
      data.set([255, 255, 255, Math.round(alpha * 255)], (py * size + px) * 4);
    }
  }
  return { width: size, height: size, data };
}

export function writeIcons(dir: string): { colour: string; outline: string } {
  const colour = join(dir, 'color.png');
  const outline = join(dir, 'outline.png');
  writeFileSync(colour, encodePng(drawColourIcon()));
  writeFileSync(outline, encodePng(drawOutlineIcon()));
  return { colour, outline };
}

if (require.main === module) {
  const written = writeIcons(resolve('manifest'));
  console.log(`wrote ${written.colour} (${COLOUR_ICON_SIZE}x${COLOUR_ICON_SIZE})`);
  console.log(`wrote ${written.outline} (${OUTLINE_ICON_SIZE}x${OUTLINE_ICON_SIZE}, white on transparent)`);
}
