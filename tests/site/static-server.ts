/**
 * A tiny static file server for the browser tests and benchmarks: serves a built site (dist/) on
 * loopback under its base path, like GitHub Pages does, and answers 404 for anything outside it.
 * With `gzip`, text files go out gzipped to a browser that accepts it, as GitHub Pages sends them.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { createGzip } from 'node:zlib';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.csv': 'text/csv; charset=utf-8',
  '.py': 'text/x-python; charset=utf-8',
  '.ipynb': 'application/x-ipynb+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** The types sent gzipped with the `gzip` option: text, not the already compressed images and fonts. */
const COMPRESSED_TYPES = /^(text\/|application\/(json|x-ipynb)|image\/svg)/;

/** A running server: `url` is the site's root (origin + base path, ending in "/"). */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves directory `root` at http://127.0.0.1:PORT/BASE/ on a free port. */
export async function startStaticServer(
  root: string,
  basePath = '/',
  options: { gzip?: boolean } = {},
): Promise<StaticServer> {
  const base = `/${basePath.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const server: Server = createServer((request, response) => {
    const gzip = options.gzip === true && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    void respond({ root, base, gzip }, request.url ?? '/', response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function respond(
  { root, base, gzip }: { root: string; base: string; gzip: boolean },
  rawUrl: string,
  response: import('node:http').ServerResponse,
): Promise<void> {
  const pathname = decodeURIComponent(new URL(rawUrl, 'http://localhost').pathname);
  if (pathname === base.slice(0, -1)) {
    response.writeHead(301, { location: base }).end();
    return;
  }
  if (!pathname.startsWith(base)) {
    response.writeHead(404).end('outside the base path');
    return;
  }
  const relative = normalize(pathname.slice(base.length));
  if (relative.startsWith('..')) {
    response.writeHead(403).end();
    return;
  }
  let file = join(root, relative);
  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file);
    }
    if (!file.startsWith(root.endsWith(sep) ? root : root + sep) && file !== root)
      throw new Error('outside root');
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (gzip && COMPRESSED_TYPES.test(type)) {
      response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip' });
      createReadStream(file).pipe(createGzip()).pipe(response);
      return;
    }
    response.writeHead(200, { 'content-type': type, 'content-length': info.size });
    createReadStream(file).pipe(response);
  } catch {
    response.writeHead(404).end('not found');
  }
}
