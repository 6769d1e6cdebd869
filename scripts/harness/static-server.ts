import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';

/**
 * A built site on 127.0.0.1, served by sirv as any static host would: folders answer with their
 * `index.html`, and an unknown address gets the site's 404 page with status 404.
 */
export async function serveStatic(root: string, base = '/'): Promise<{ url: string; close: () => Promise<void>; server: Server }> {
  const files = sirv(root, { dev: true, etag: true, extensions: ['html'] });
  const notFoundPage = path.join(root, '404.html');
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const notFound = () => {
      response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(existsSync(notFoundPage) ? readFileSync(notFoundPage) : 'Not found');
    };
    if (!url.pathname.startsWith(base)) return notFound();
    // The site is built for its base path; sirv serves the folder from the root.
    request.url = '/' + url.pathname.slice(base.length) + url.search;
    files(request, response, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
