import { because, englishDetail } from '../../core/errors';
import { ImportError, type TextPosition } from './importResult';
import { jsonErrorOffset } from './jsonErrorOffset';
import { NOT_UTF8, NUL_BYTES, SNIFF_BYTES, decodeText, hasNulByte, notText, startsAsUtf8, toBytes, type ImportInput } from './text';

/**
 * Reading JSON files (GeoJSON, CityJSON) safely: reject binary and non-JSON input from its first
 * bytes — 100 MB of garbage must fail in milliseconds, before it is decoded or parsed — and turn
 * parse failures into an `ImportError` with line and column, naming truncation as such.
 */

export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: end - lineStart + 1 };
}

export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const offset = jsonErrorOffset(text);
    if (offset === undefined) {
      throw new ImportError('invalid-json', {
        file,
        ...because(`is not valid JSON (${message})`, 'issue.json.invalid', { detail: englishDetail(` (${message})`) }),
      });
    }
    const position = positionAt(text, offset);
    const at = `line ${position.line}, column ${position.column}`;
    const where = { line: position.line, column: position.column, offset };
    const truncated = offset >= text.trimEnd().length;
    const why = truncated
      ? because(`is truncated: the JSON ends unexpectedly at ${at} (offset ${offset})`, 'issue.json.truncated', where)
      : because(`is not valid JSON at ${at} (offset ${offset}): ${message}`, 'issue.json.invalidAt', {
          ...where,
          detail: englishDetail(`: ${message}`),
        });
    throw new ImportError('invalid-json', { file, ...why }, position);
  }
}

/** The first non-whitespace character of the first bytes, after any UTF-8 BOM. */
function firstSignificantChar(bytes: Uint8Array): string | undefined {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const end = Math.min(bytes.length, SNIFF_BYTES);
  for (; i < end; i++) {
    const c = bytes[i];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return String.fromCharCode(c);
  }
  return undefined;
}

/**
 * Decodes and parses a JSON object file. `format` names the expected format in messages
 * ("is not a GeoJSON object"). Checks, in order of cost: empty, binary (NUL bytes or invalid UTF-8 in the
 * first 64 KB), not starting with "{", then the full decode and parse.
 */
export function readJsonObject(
  input: ImportInput,
  file: string,
  format: 'GeoJSON' | 'CityJSON',
  encoding?: string,
): { json: unknown; encoding: string } {
  const onlyWhitespace = () => new ImportError('empty', { file, ...because('contains only whitespace', 'issue.file.onlyWhitespace') });
  const notAnObject = (found: string) =>
    new ImportError('invalid-json', {
      file,
      ...because(`is not a ${format} object: it should start with "{", found ${found}`, 'issue.json.notObjectStart', { format, found }),
    });
  if (typeof input !== 'string') {
    const bytes = toBytes(input);
    if (bytes.length === 0) throw new ImportError('empty', { file, ...because('is empty (0 bytes)', 'issue.file.emptyBytes') });
    if (!encoding) {
      if (hasNulByte(bytes)) throw notText(file, NUL_BYTES);
      if (!startsAsUtf8(bytes)) throw notText(file, NOT_UTF8);
      const first = firstSignificantChar(bytes);
      if (first === undefined && bytes.length <= SNIFF_BYTES) throw onlyWhitespace();
      if (first !== '{') throw notAnObject(JSON.stringify(first ?? ''));
    }
  }
  const { text, encoding: used } = decodeText(input, file, { legacyFallback: false, ...(encoding ? { encoding } : {}) });
  const trimmed = text.trim();
  if (trimmed === '') throw onlyWhitespace();
  if (trimmed[0] !== '{') throw notAnObject(JSON.stringify(trimmed[0]));
  return { json: parseJsonText(text, file), encoding: used };
}
