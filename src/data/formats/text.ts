import { because, toReason, type Reason } from '../../core/errors';
import { ImportError } from './importResult';

/**
 * Bytes in, text out: input normalisation, binary sniffing and encoding detection shared by the
 * text formats. Browser/worker APIs only (TextDecoder), no Node Buffer.
 */

/** What the readers accept: File.arrayBuffer() output, a view of it, or an already decoded string. */
export type ImportInput = ArrayBuffer | ArrayBufferView | string;

export function toBytes(input: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  return new Uint8Array(input);
}

/** Bytes looked at before committing to decode or parse a whole file (fail fast on garbage). */
export const SNIFF_BYTES = 64 * 1024;

/**
 * Maps the encoding names found in .cpg files, UI pickers and Windows code pages to WHATWG
 * TextDecoder labels. GBK and GB2312 decode as GB18030, their superset, so nothing is lost.
 */
export function normalizeEncoding(label: string): string | null {
  const key = label
    .trim()
    .toLowerCase()
    .replace(/^ansi\s*/, '')
    .replace(/[\s_]/g, '');
  if (['utf8', 'utf-8', '65001'].includes(key)) return 'utf-8';
  if (['gbk', 'gb2312', 'gb18030', '936', 'cp936', 'ms936', 'windows-936', 'euc-cn', 'x-gbk', '54936', 'gb2312-80'].includes(key)) {
    return 'gb18030';
  }
  if (['big5', '950', 'cp950'].includes(key)) return 'big5';
  if (['utf-16le', 'utf16le', 'unicode', '1200'].includes(key)) return 'utf-16le';
  if (['latin1', 'iso-8859-1', '1252', 'cp1252', 'windows-1252', '88591'].includes(key)) return 'windows-1252';
  try {
    return new TextDecoder(key).encoding;
  } catch {
    return null;
  }
}

function decoderFor(encoding: string, file: string, fatal = false): TextDecoder {
  const label = normalizeEncoding(encoding);
  if (!label)
    throw new ImportError('not-text', {
      file,
      ...because(`unknown text encoding "${encoding}"`, 'issue.text.unknownEncoding', { encoding }),
    });
  return new TextDecoder(label, { fatal });
}

export function hasNulByte(bytes: Uint8Array, limit = SNIFF_BYTES): boolean {
  const end = Math.min(bytes.length, limit);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/** The text when `bytes` are valid UTF-8, else null. */
export function tryDecodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** True when the first bytes are valid UTF-8 (an incomplete sequence cut at the limit is fine). */
export function startsAsUtf8(bytes: Uint8Array, limit = SNIFF_BYTES): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, limit), { stream: true });
    return true;
  } catch {
    return false;
  }
}

export interface DecodedText {
  text: string;
  /** WHATWG label of the encoding used: 'utf-8', 'utf-16le', 'gb18030'… */
  encoding: string;
}

export interface DecodeOptions {
  /** Caller's choice; wins over detection. */
  encoding?: string;
  /**
   * Fall back to GB18030 when the bytes are not UTF-8. True for CSV (Excel in China saves GBK);
   * false for JSON formats, which RFC 8259 requires to be UTF-8 — there, invalid UTF-8 means
   * "not a text file" unless the caller names an encoding.
   */
  legacyFallback: boolean;
}

/**
 * Decodes a text file: BOM first (UTF-8, UTF-16LE/BE — Excel's "Unicode text" is UTF-16LE),
 * then NUL bytes mean binary, then strict UTF-8, then GB18030 if allowed.
 */
export function decodeText(input: ImportInput, file: string, options: DecodeOptions): DecodedText {
  if (typeof input === 'string') return { text: input.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  const bytes = toBytes(input);
  if (options.encoding) {
    const decoder = decoderFor(options.encoding, file);
    return { text: decoder.decode(bytes).replace(/^\uFEFF/, ''), encoding: decoder.encoding };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeStrict(bytes.subarray(3), 'utf-8', file), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (hasNulByte(bytes)) throw notText(file, NUL_BYTES);
  const utf8 = tryDecodeUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  if (!options.legacyFallback) throw notText(file, NOT_UTF8);
  const text = new TextDecoder('gb18030').decode(bytes);
  if (looksLikeGarbage(text)) throw notText(file, because('it is neither UTF-8 nor GBK text', 'issue.text.neitherUtf8NorGbk'));
  return { text, encoding: 'gb18030' };
}

/**
 * GB18030 decodes almost any byte sequence, so binary data would "succeed". Real text has next
 * to no replacement characters (U+FFFD) or C0 control characters other than tab and line breaks;
 * more than 1 % of the first 64 K characters means the bytes were not text.
 */
function looksLikeGarbage(text: string): boolean {
  const end = Math.min(text.length, SNIFF_BYTES);
  let bad = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)) bad++;
  }
  return bad > end * 0.01;
}

function decodeStrict(bytes: Uint8Array, encoding: string, file: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw notText(
      file,
      because(`it starts with a ${encoding} byte-order mark but is not valid ${encoding}`, 'issue.text.badBom', { encoding }),
    );
  }
}

/** Why bytes are not text, shared by the JSON readers' early checks. */
export const NUL_BYTES = because('it contains NUL bytes (binary data)', 'issue.text.nulBytes');
export const NOT_UTF8 = because('it is not valid UTF-8 (if it is GBK text, choose the encoding)', 'issue.text.notUtf8');

export function notText(file: string, why: string | Reason): ImportError {
  const { reason, message } = toReason(why);
  return new ImportError('not-text', { file, ...because(`not a text file: ${reason}`, 'issue.text.notText', { why: message ?? reason }) });
}
