import { ImportError } from '../core/errors';
import { tooLarge } from './limits';

/** The part of a fetch Response that reading a capped body needs (a stand-in in tests). */
export interface FetchedResponse {
  ok: boolean;
  status: number;
  headers?: { get(name: string): string | null };
  /** Read chunk by chunk when present, so an answer over the limit is dropped as soon as it passes it. */
  body?: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}

/**
 * A response's body as text, refused (an ImportError 'too-large' naming `file`) as soon as it is known
 * to pass `maxBytes` (the limit `limitKey` of config/limits.json): by its declared length before anything is read, else counted while streaming,
 * so an endless or huge answer never has to fit in memory. Without a stream, the text's length
 * (one UTF-16 unit per byte at least) is checked once it is in.
 */
export async function readCappedText(
  response: FetchedResponse,
  maxBytes: number,
  file: string,
  limitKey = 'maxFileBytes',
): Promise<string> {
  const refuse = (bytes: number) => new ImportError('too-large', { file, ...tooLarge(bytes, maxBytes, limitKey) });
  const declared = Number(response.headers?.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw refuse(declared);
  if (!response.body) {
    const text = await response.text();
    if (text.length > maxBytes) throw refuse(text.length);
    return text;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      void reader.cancel();
      throw refuse(bytes);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
