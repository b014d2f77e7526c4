import { DataError } from '../../../core/errors';
import type { CsrGraph } from '../buildGraph';
import type { HierarchyStats, WalkHierarchy } from './buildHierarchy';

/**
 * The hierarchy as one binary file (`walk-hierarchy.bin`), so the city's network is preprocessed once
 * and every later run only reads it: a little-endian u32 with the header's byte length, the header
 * (UTF-8 JSON: format, version, the network's hash, counts, statistics), padding to 4 bytes, then the
 * typed arrays in the header's order, each starting on a multiple of 8 bytes. A file made for another network (its hash differs) or by
 * another version is refused, so a stale hierarchy never answers for a changed network.
 */
export const HIERARCHY_FORMAT = 'fct-walk-hierarchy';
export const HIERARCHY_VERSION = 1;

/** The arrays in file order: node indices as u32, lengths as f64 (8-byte aligned in the file). */
const ARRAYS = [
  ['nodeAtPosition', Uint32Array],
  ['positionOfNode', Uint32Array],
  ['upOffsets', Uint32Array],
  ['upTargets', Uint32Array],
  ['upMeters', Float64Array],
  ['coreOffsets', Uint32Array],
  ['coreTargets', Uint32Array],
  ['coreMeters', Float64Array],
] as const;
type ArrayName = (typeof ARRAYS)[number][0];

interface Header {
  format: string;
  version: number;
  networkHash: string;
  nodeCount: number;
  coreCount: number;
  stats: HierarchyStats;
  arrays: { name: string; length: number }[];
}

/**
 * A 64-bit FNV-1a hash (two 32-bit halves) of the graph's nodes, arcs and arc lengths, in hex: the
 * version key of a hierarchy. Not cryptographic; it tells a changed network from the one a file was made for.
 */
export function networkHash(graph: CsrGraph): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  const mix = (word: number) => {
    h1 = Math.imul(h1 ^ word, 0x01000193);
    h2 = Math.imul(h2 ^ (word >>> 16) ^ (word << 16), 0x01000193);
  };
  mix(graph.nodeCount);
  for (const array of [graph.offsets, graph.targets]) for (let i = 0; i < array.length; i++) mix(array[i]);
  const lengths = new Uint32Array(graph.lengthsMeters.buffer, graph.lengthsMeters.byteOffset, graph.lengthsMeters.length * 2);
  for (let i = 0; i < lengths.length; i++) mix(lengths[i]);
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

export function writeHierarchyFile(hierarchy: WalkHierarchy, hash: string): Uint8Array {
  const header: Header = {
    format: HIERARCHY_FORMAT,
    version: HIERARCHY_VERSION,
    networkHash: hash,
    nodeCount: hierarchy.nodeCount,
    coreCount: hierarchy.coreCount,
    stats: hierarchy.stats,
    arrays: ARRAYS.map(([name]) => ({ name, length: hierarchy[name].length })),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const total = ARRAYS.reduce((sum, [name]) => align8(sum) + hierarchy[name].byteLength, 4 + headerBytes.length);
  const out = new Uint8Array(total);
  new DataView(out.buffer).setUint32(0, headerBytes.length, true);
  out.set(headerBytes, 4);
  let at = 4 + headerBytes.length;
  for (const [name] of ARRAYS) {
    const array = hierarchy[name];
    at = align8(at);
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += array.byteLength;
  }
  return out;
}

/** Reads a hierarchy file; refuses (a DataError naming the file) another format, version or network. */
export function readHierarchyFile(bytes: Uint8Array, expectedHash: string, file = 'walk-hierarchy.bin'): WalkHierarchy {
  const refuse = (reason: string): never => {
    throw new DataError([{ file, reason }], 'Invalid walk hierarchy');
  };
  if (bytes.length < 4) refuse('is too short to be a walk hierarchy');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(0, true);
  if (4 + headerLength > bytes.length) refuse('has a header longer than the file');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength))) as Header;
  } catch {
    return refuse('has a header that is not JSON');
  }
  if (typeof header !== 'object' || header === null || !Array.isArray(header.arrays))
    return refuse('has a header without its list of arrays');
  if (header.format !== HIERARCHY_FORMAT) refuse(`is not a walk hierarchy (format ${String(header.format)})`);
  if (header.version !== HIERARCHY_VERSION) refuse(`is version ${header.version}; this build reads version ${HIERARCHY_VERSION}`);
  if (header.networkHash !== expectedHash)
    refuse(`was made for network ${header.networkHash}, not this one (${expectedHash}); run npm run graph again`);
  let at = 4 + headerLength;
  const arrays: Partial<Record<ArrayName, Uint32Array | Float64Array>> = {};
  for (const [name, Type] of ARRAYS) {
    const entry = header.arrays.find((a) => a.name === name);
    at = align8(at);
    const bytesOf = entry ? entry.length * Type.BYTES_PER_ELEMENT : 0;
    if (!entry || !(entry.length >= 0) || at + bytesOf > bytes.length) return refuse(`lacks its ${name} array or is cut short`);
    // A copy: the file's bytes need not be aligned in their buffer.
    arrays[name] = new Type(bytes.slice(at, at + bytesOf).buffer);
    at += bytesOf;
  }
  const a = arrays as Pick<WalkHierarchy, ArrayName>;
  if (a.nodeAtPosition.length !== header.nodeCount || a.upOffsets.length !== header.nodeCount + 1)
    refuse('has arrays that do not match its node count');
  return { nodeCount: header.nodeCount, coreCount: header.coreCount, stats: header.stats, ...a };
}

const align8 = (x: number) => Math.ceil(x / 8) * 8;
