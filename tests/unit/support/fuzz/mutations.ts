import type { Random } from './random';

/**
 * Ways a file gets broken on its way to the importer: cut short, bits flipped on a bad disk, bytes
 * inserted or lost, a stretch overwritten or repeated, garbage appended, a wrong header — and the
 * values a hostile or careless writer puts where numbers, lists and names belong.
 */

export type ByteMutation = (bytes: Uint8Array, random: Random) => Uint8Array;

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

export const BYTE_MUTATIONS: Record<string, ByteMutation> = {
  truncate: (b, r) => b.slice(0, r.int(0, Math.max(0, b.length - 1))),
  bitFlips: (b, r) => {
    const out = b.slice();
    for (let i = r.int(1, 8); i > 0 && out.length; i--) out[r.int(0, out.length - 1)] ^= 1 << r.int(0, 7);
    return out;
  },
  insertRandom: (b, r) => {
    const at = r.int(0, b.length);
    return concat(b.subarray(0, at), r.bytes(r.int(1, 64)), b.subarray(at));
  },
  deleteRange: (b, r) => {
    const from = r.int(0, b.length);
    return concat(b.subarray(0, from), b.subarray(Math.min(b.length, from + r.int(1, 64))));
  },
  overwrite: (b, r) => {
    const out = b.slice();
    const from = r.int(0, Math.max(0, out.length - 1));
    out.set(r.bytes(Math.min(r.int(1, 32), out.length - from)), from);
    return out;
  },
  repeatRange: (b, r) => {
    const from = r.int(0, b.length);
    const part = b.subarray(from, Math.min(b.length, from + r.int(1, 256)));
    return concat(b.subarray(0, from), ...Array.from({ length: r.int(2, 50) }, () => part), b.subarray(from));
  },
  appendGarbage: (b, r) => concat(b, r.bytes(r.int(1, 512))),
  randomHeader: (b, r) => {
    const out = b.slice();
    out.set(r.bytes(Math.min(out.length, r.int(4, 100))), 0);
    return out;
  },
  nulInside: (b, r) => {
    const out = b.slice();
    if (out.length) out[r.int(0, out.length - 1)] = 0;
    return out;
  },
  utf16: (b) => {
    const text = new TextDecoder().decode(b);
    const out = new Uint8Array(2 + text.length * 2);
    out.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) new DataView(out.buffer).setUint16(2 + 2 * i, text.charCodeAt(i), true);
    return out;
  },
  randomBytes: (b, r) => r.bytes(r.int(0, Math.max(16, b.length))),
};

/** Text a careless or hostile writer puts in a cell or a string. */
export function hostileText(r: Random): string {
  return r.pick<() => string>([
    () => `1°${' '.repeat(r.int(100, 5000))}x`,
    () => `${'9'.repeat(r.int(20, 5000))}x`,
    () => '"'.repeat(r.int(1, 50)),
    () => `120°${"'".repeat(r.int(2, 30))}`,
    () => '\u0000\u0001\u001f\u007f',
    () => '\uffff\ud800\udfff\u202e',
    () => '１２０．１５',
    () => `${'-'.repeat(r.int(1, 30))}1`,
    () => `1e${r.int(300, 400)}`,
    () => 'NaN',
    () => 'Infinity',
    () => '120.1,30.2,5,6,7',
    () => ' '.repeat(r.int(1, 200)),
    () => '<script>alert(1)</script>',
    () => '\n\r\n\r',
    () => 'x'.repeat(r.int(1000, 40_000)),
    () => '13812345678',
    () => '__proto__',
  ])();
}

/** A JSON value of the wrong kind, or of an absurd size or depth. */
export function hostileValue(r: Random): unknown {
  return r.pick<() => unknown>([
    () => null,
    () => r.int(-1e9, 1e9),
    () => -1,
    () => 1e308,
    () => hostileText(r),
    () => true,
    () => [],
    () => ({}),
    () => Array.from({ length: r.int(1, 2000) }, () => r.int(-5, 5)),
    () => Array.from({ length: r.int(1, 50) }, () => [r.next() * 400 - 200, r.next() * 200 - 100]),
    () => nested(r.int(30, 1500)),
    () => ({ type: hostileText(r) }),
    () => ({ __proto__: { polluted: true } }),
  ])();
}

/** An object nested `depth` levels deep (built without recursion). */
export function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

type Json = Record<string, unknown> | unknown[];

/** Every [container, key] inside a JSON value, for picking a place to break. */
function places(root: unknown, limit = 5000): [Json, string | number][] {
  const out: [Json, string | number][] = [];
  const stack: unknown[] = [root];
  while (stack.length && out.length < limit) {
    const value = stack.pop();
    if (Array.isArray(value))
      value.forEach((item, i) => {
        out.push([value, i]);
        stack.push(item);
      });
    else if (value && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) {
        out.push([value as Record<string, unknown>, key]);
        stack.push(item);
      }
  }
  return out;
}

/** The JSON with a few values replaced, removed or multiplied. */
export function mutateJson(json: unknown, r: Random): unknown {
  const copy = structuredClone(json);
  for (let n = r.int(1, 4); n > 0; n--) {
    const spots = places(copy);
    if (!spots.length) break;
    const [container, key] = r.pick(spots);
    const action = r.int(0, 3);
    if (action === 0 && !Array.isArray(container)) delete (container as Record<string, unknown>)[key as string];
    else if (action === 1 && Array.isArray(container))
      container.push(...Array.from({ length: r.int(1, 200) }, () => container[key as number]));
    else (container as Record<string | number, unknown>)[key] = hostileValue(r);
  }
  return copy;
}
