import { PNG } from 'pngjs';

/** Pixels that differ between two same-sized PNG screenshots by more than a small tolerance (ΣRGB > 30). */
export function changedPixels(a: Buffer, b: Buffer): number {
  const pa = PNG.sync.read(a);
  const pb = PNG.sync.read(b);
  let changed = 0;
  for (let i = 0; i < pa.data.length; i += 4) {
    const d = Math.abs(pa.data[i] - pb.data[i]) + Math.abs(pa.data[i + 1] - pb.data[i + 1]) + Math.abs(pa.data[i + 2] - pb.data[i + 2]);
    if (d > 30) changed++;
  }
  return changed;
}

/** Distinct colours in a PNG, sampled every `everyNthPixel`th pixel: a black or blank canvas has a handful. */
export function distinctColours(png: Buffer, everyNthPixel: number): number {
  const { data } = PNG.sync.read(png);
  const colours = new Set<number>();
  for (let i = 0; i < data.length; i += 4 * everyNthPixel) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
  return colours.size;
}
