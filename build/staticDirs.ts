import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/** A folder served at `<base><urlDir>/` in dev and copied to `<outDir>/<urlDir>/` by `vite build`. */
export interface StaticDir {
  urlDir: string;
  sourceDir: string;
  /** Only these top-level entries are served and copied (all when omitted). */
  entries?: string[];
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.glb': 'model/gltf-binary',
  '.tif': 'image/tiff',
};

export function mimeTypeOf(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Serves runtime files that must keep their paths — Cesium's Workers/Assets/Widgets/ThirdParty and
 * the community packages in `models/` — without a third-party copy plugin: a dev middleware, and a
 * copy into the build output so `dist/` is a self-contained static site.
 */
export function staticDirs(dirs: StaticDir[]): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'fct-static-dirs',
    configResolved(resolved) {
      config = resolved;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = decodeURIComponent((req.url ?? '').split('?')[0]);
        for (const dir of dirs) {
          const prefix = `${server.config.base}${dir.urlDir}/`;
          if (!url.startsWith(prefix)) continue;
          const relative = url.slice(prefix.length);
          const file = path.resolve(dir.sourceDir, relative);
          const topLevel = relative.split('/')[0];
          if (dir.entries && !dir.entries.includes(topLevel)) return next();
          if (!file.startsWith(path.resolve(dir.sourceDir) + path.sep)) return next();
          if (!existsSync(file) || !statSync(file).isFile()) return next();
          res.setHeader('Content-Type', mimeTypeOf(file));
          createReadStream(file).pipe(res);
          return;
        }
        next();
      });
    },
    writeBundle() {
      for (const dir of dirs) {
        const out = path.resolve(config.root, config.build.outDir, dir.urlDir);
        const entries = dir.entries ?? ['.'];
        for (const entry of entries) {
          cpSync(path.join(dir.sourceDir, entry), path.join(out, entry), { recursive: true });
        }
      }
    },
  };
}
