/**
 * GraphiQL for `npm start`, offline: the page and every file it loads come from this server, out of the
 * `graphiql`, `react` and `react-dom` packages in node_modules (their UMD builds; GraphiQL's fonts are
 * inlined in its stylesheet). Nothing is fetched from a CDN. Laptop only: the Lambda never serves it.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where the page's files are served. */
export const GRAPHIQL_ASSET_PATH = '/graphiql/';

const require = createRequire(import.meta.url);

/** A file of an installed package, found through its package.json (their `exports` hide the UMD builds). */
function packageFile(name: string, file: string): string {
  return join(dirname(require.resolve(`${name}/package.json`)), file);
}

/** Renders GraphiQL against /graphql, with an example to run. */
const START_SCRIPT = `'use strict';
const example = '# Loket, locally. Staff and partners: add {"Authorization": "Bearer <token>"} under Headers.\\n{\\n  malls {\\n    id\\n    name\\n    openNow\\n  }\\n}\\n';
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: '/graphql' }),
    defaultQuery: example,
    defaultEditorToolsVisibility: 'headers',
  }),
);
`;

interface Asset {
  contentType: string;
  /** A file on disk, or the content itself. */
  file?: string;
  content?: string;
}

const ASSETS: Readonly<Record<string, Asset>> = {
  'react.production.min.js': {
    contentType: 'text/javascript; charset=utf-8',
    file: packageFile('react', 'umd/react.production.min.js'),
  },
  'react-dom.production.min.js': {
    contentType: 'text/javascript; charset=utf-8',
    file: packageFile('react-dom', 'umd/react-dom.production.min.js'),
  },
  'graphiql.min.js': {
    contentType: 'text/javascript; charset=utf-8',
    file: packageFile('graphiql', 'graphiql.min.js'),
  },
  'graphiql.min.css': {
    contentType: 'text/css; charset=utf-8',
    file: packageFile('graphiql', 'graphiql.min.css'),
  },
  'start.js': { contentType: 'text/javascript; charset=utf-8', content: START_SCRIPT },
};

/** The page: only local files, loaded in order (React, ReactDOM, GraphiQL, then the start script). */
export const GRAPHIQL_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Loket · GraphiQL</title>
    <link rel="stylesheet" href="${GRAPHIQL_ASSET_PATH}graphiql.min.css">
    <style>body { margin: 0; } #graphiql { height: 100vh; }</style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script src="${GRAPHIQL_ASSET_PATH}react.production.min.js"></script>
    <script src="${GRAPHIQL_ASSET_PATH}react-dom.production.min.js"></script>
    <script src="${GRAPHIQL_ASSET_PATH}graphiql.min.js"></script>
    <script src="${GRAPHIQL_ASSET_PATH}start.js"></script>
  </body>
</html>
`;

/**
 * Only what this server holds: scripts, styles, fonts, images and connections all stay on this origin.
 * Styles may be inline (React sets style attributes); nothing may be evaluated from a string.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** A browser opening /graphql: a GET that accepts HTML and carries no operation. */
function wantsPage(req: IncomingMessage, url: URL): boolean {
  return (
    url.pathname === '/graphql' &&
    !url.searchParams.has('query') &&
    (req.headers.accept ?? '').split(',').some((type) => type.trim().startsWith('text/html'))
  );
}

/**
 * Serves the GraphiQL page at `GET /graphql` (for a browser) and its files under `/graphiql/`. Returns
 * whether it answered; any other request is left to the API.
 */
export async function serveGraphiQL(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (wantsPage(req, url)) {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : GRAPHIQL_PAGE);
    return true;
  }
  if (!url.pathname.startsWith(GRAPHIQL_ASSET_PATH)) return false;
  const asset = Object.hasOwn(ASSETS, url.pathname.slice(GRAPHIQL_ASSET_PATH.length))
    ? ASSETS[url.pathname.slice(GRAPHIQL_ASSET_PATH.length)]
    : undefined;
  if (!asset) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
    return true;
  }
  const body = asset.content ?? (await readFile(asset.file ?? ''));
  res.writeHead(200, { 'content-type': asset.contentType, 'cache-control': 'no-cache' });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
