import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { mimeTypeOf } from '../../../build/staticDirs.ts';

export interface TestSite {
  url: string;
  origin: string;
  /** Paths requested so far (to prove a request never arrived). */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A loopback web server for the base tests: folders mounted under URL prefixes, and single files
 * replaced by generated content (a test's models/base.json, an index.html with that base's
 * Content-Security-Policy) — as a deployer's server would serve a configured app.
 */
export async function serveSite(mounts: Record<string, string>, overrides: Record<string, string | Buffer> = {}): Promise<TestSite> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0]);
    requests.push(url);
    const override = overrides[url] ?? (url.endsWith('/') ? overrides[`${url}index.html`] : undefined);
    if (override !== undefined) {
      res.writeHead(200, { 'Content-Type': mimeTypeOf(url.endsWith('/') ? 'index.html' : url), 'Cache-Control': 'no-cache' }).end(override);
      return;
    }
    const prefix = Object.keys(mounts)
      .sort((a, b) => b.length - a.length)
      .find((p) => url.startsWith(p));
    if (!prefix) return void res.writeHead(404).end();
    const root = path.resolve(mounts[prefix]);
    let file = path.resolve(root, `.${url.slice(prefix.length - 1)}`);
    if (file !== root && !file.startsWith(root + path.sep)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    const headers = {
      'Content-Type': mimeTypeOf(file),
      'Cache-Control': 'no-cache',
      'Access-Control-Allow-Origin': '*',
      'Accept-Ranges': 'bytes',
    };
    // Byte ranges as nginx serves them: a cloud-optimised GeoTIFF is read in parts.
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (range) {
      const size = statSync(file).size;
      const start = Number(range[1]);
      const end = Math.min(range[2] ? Number(range[2]) : size - 1, size - 1);
      if (start >= size) return void res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
      res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': end - start + 1 });
      createReadStream(file, { start, end }).pipe(res);
      return;
    }
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return { url: `${origin}/twin/`, origin, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** dist/index.html with its Content-Security-Policy meta replaced by `meta` (what a rebuild with that base.json writes). */
export function indexWithCsp(meta: string): string {
  return readFileSync('dist/index.html', 'utf8').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, meta);
}
