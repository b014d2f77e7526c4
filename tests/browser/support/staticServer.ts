import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { mimeTypeOf } from '../../../build/staticDirs.ts';

export interface StaticSite {
  /** e.g. http://127.0.0.1:40123/twin/ */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built `dist/` under a sub-path, the way an intranet nginx or IIS would (plain files, no
 * rewrites), on a free loopback port. Proves the build works under a base path other than "/".
 */
export async function serveStatic(rootDir: string, basePath = '/twin/'): Promise<StaticSite> {
  const root = path.resolve(rootDir);
  const server: Server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (!url.startsWith(basePath)) {
      res.writeHead(404).end();
      return;
    }
    let file = path.resolve(root, `.${url.slice(basePath.length - 1)}`);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': mimeTypeOf(file), 'Cache-Control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
