import { because, type Reason } from '../../core/errors';
import { ImportError } from './importResult';
import { normalizeEncoding } from './text';

/**
 * dBASE III/IV tables as written beside shapefiles (the .dbf): fixed-width text records whose
 * encoding is not in the file but in a .cpg beside it, in the language-driver byte (LDID) of the
 * header, or nowhere — Chinese GIS tools write GBK (code page 936) by default, newer ones UTF-8.
 * Format: dBASE file header and field descriptors as in the ESRI Shapefile Technical Description
 * (1998) appendix and the dBASE III structure (32-byte header, 32-byte field descriptors, 0x0D).
 */

export interface DbfField {
  name: string;
  /** dBASE type letter: C text, N/F number, L logical, D date, I 32-bit integer, M memo… */
  type: string;
  length: number;
  decimals: number;
}

export interface DbfTable {
  fields: DbfField[];
  /** One entry per record; null for records marked deleted. */
  records: (Record<string, string | number | boolean | null> | null)[];
  /** Records the header announced but the file is too short to hold. */
  missingRecords: number;
}

export type DbfEncodingSource = 'parameter' | 'cpg' | 'ldid' | 'detected';

/** Language-driver ids that mean code page 936 (ESRI's LDID table: 0x4D "GBK (PRC) Windows 936", 0x7A "PRC GBK 936"). */
const LDID_936 = new Set([0x4d, 0x7a]);

/**
 * The DBF's text encoding: the caller's choice, else the .cpg, else the LDID byte, else UTF-8 if
 * all record bytes are valid UTF-8, else GB18030 (which decodes GBK).
 */
export function dbfEncoding(bytes: Uint8Array, cpg?: string, override?: string): { encoding: string; source: DbfEncodingSource } {
  const chosen = override ? normalizeEncoding(override) : null;
  if (chosen) return { encoding: chosen, source: 'parameter' };
  const declared = cpg ? normalizeEncoding(cpg) : null;
  if (declared) return { encoding: declared, source: 'cpg' };
  if (bytes.length > 29 && LDID_936.has(bytes[29])) return { encoding: 'gb18030', source: 'ldid' };
  const headerLength = bytes.length >= 12 ? new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint16(8, true) : 0;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(headerLength));
    return { encoding: 'utf-8', source: 'detected' };
  } catch {
    return { encoding: 'gb18030', source: 'detected' };
  }
}

// dBASE pads text fields with spaces or NUL bytes.
// eslint-disable-next-line no-control-regex
const trimEnd = (text: string) => text.replace(/[\s\u0000]+$/, '');

export function readDbf(bytes: Uint8Array, file: string, encoding: string): DbfTable {
  const invalid = (why: Reason) => new ImportError('invalid-shapefile', { file, ...why });
  if (bytes.length < 32)
    throw invalid(because(`is too short for a dBASE header (${bytes.length} bytes)`, 'issue.dbf.tooShort', { bytes: bytes.length }));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const recordCount = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < 33 || recordLength < 1 || headerLength > bytes.length) {
    throw invalid(
      because(`is not a dBASE table (header ${headerLength} bytes, records ${recordLength} bytes)`, 'issue.dbf.notDbase', {
        header: headerLength,
        record: recordLength,
      }),
    );
  }
  const decoder = new TextDecoder(encoding);

  const fields: DbfField[] = [];
  for (let at = 32; at + 32 <= headerLength && bytes[at] !== 0x0d; at += 32) {
    const nameBytes = bytes.subarray(at, at + 11);
    const end = nameBytes.indexOf(0);
    fields.push({
      name: trimEnd(decoder.decode(end >= 0 ? nameBytes.subarray(0, end) : nameBytes)),
      type: String.fromCharCode(bytes[at + 11]).toUpperCase(),
      length: bytes[at + 16],
      decimals: bytes[at + 17],
    });
  }
  const declaredWidth = 1 + fields.reduce((sum, f) => sum + f.length, 0);
  if (declaredWidth > recordLength) {
    throw invalid(
      because(`fields need ${declaredWidth} bytes per record but records are ${recordLength}`, 'issue.dbf.fieldsTooWide', {
        need: declaredWidth,
        record: recordLength,
      }),
    );
  }

  const available = Math.max(0, Math.floor((bytes.length - headerLength) / recordLength));
  const count = Math.min(recordCount, available);
  const records: DbfTable['records'] = [];
  for (let r = 0; r < count; r++) {
    const start = headerLength + r * recordLength;
    if (bytes[start] === 0x2a) {
      records.push(null); // '*' = deleted
      continue;
    }
    const record: Record<string, string | number | boolean | null> = {};
    let at = start + 1;
    for (const field of fields) {
      record[field.name] = readValue(bytes.subarray(at, at + field.length), field, decoder);
      at += field.length;
    }
    records.push(record);
  }
  return { fields, records, missingRecords: recordCount - count };
}

function readValue(raw: Uint8Array, field: DbfField, decoder: TextDecoder): string | number | boolean | null {
  if (field.type === 'I' && raw.length === 4) return new DataView(raw.buffer, raw.byteOffset, 4).getInt32(0, true);
  const text = trimEnd(decoder.decode(raw));
  switch (field.type) {
    case 'N':
    case 'F': {
      const t = text.trim();
      // Blank or "*****" (overflow) means no value; GDAL reads these as null too.
      if (t === '' || /^\*+$/.test(t)) return null;
      const n = Number(t);
      return Number.isFinite(n) ? n : null;
    }
    case 'L':
      return /^[TtYy]$/.test(text.trim()) ? true : /^[FfNn]$/.test(text.trim()) ? false : null;
    case 'D': {
      const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text.trim());
      return m ? `${m[1]}-${m[2]}-${m[3]}` : text.trim() === '' ? null : text.trim();
    }
    default:
      return text === '' ? null : text;
  }
}
