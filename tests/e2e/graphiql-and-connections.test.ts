/**
 * The local server for front-end developers, over HTTP: GraphiQL at GET /graphql, offline (the page and
 * everything it loads come from this server), and a refused 2 MB body that leaves the client able to go on.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, type RunningServer, startLocalServer } from '../support/local-server.js';

/** Every URL the page makes the browser load: scripts, stylesheets, icons, images, frames. */
function referencedUrls(html: string): string[] {
  const urls: string[] = [];
  for (const match of html.matchAll(/\b(?:src|href|data|action|poster)\s*=\s*["']([^"']+)["']/gi)) {
    urls.push(match[1] ?? '');
  }
  for (const match of html.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/gi)) urls.push(match[1] ?? '');
  for (const match of html.matchAll(/@import\s+["']([^"']+)["']/gi)) urls.push(match[1] ?? '');
  return urls;
}

/** A headless Chromium on this machine (Debian's `chromium` package), if there is one. */
function findChromium(): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter);
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    for (const dir of dirs) if (existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

const chromium = findChromium();

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request through `agent`, whose kept-alive connection the next request reuses if it is still open. */
function send(agent: Agent, port: number, body: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        port,
        host: '127.0.0.1',
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('npm start for front-end developers', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startLocalServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('serves GraphiQL at GET /graphql, and every file it references from this server', async () => {
    const page = await fetch(server.url, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).toContain('graphiql');

    const urls = referencedUrls(html);
    expect(urls.length).toBeGreaterThanOrEqual(5);
    const origin = new URL(server.url).origin;
    for (const reference of urls) {
      const url = new URL(reference, server.url);
      expect(url.origin, reference).toBe(origin);
      const asset = await fetch(url);
      expect(asset.status, reference).toBe(200);
      const text = await asset.text();
      expect(text.length, reference).toBeGreaterThan(0);
      if (reference.endsWith('.css')) {
        expect(asset.headers.get('content-type'), reference).toMatch(/^text\/css/);
        // A stylesheet loads no font, image or stylesheet of another host either.
        for (const inner of referencedUrls(text).filter(
          (u) => !u.startsWith('data:') && !u.startsWith('#'),
        )) {
          expect(new URL(inner, url).origin, `${reference}: ${inner}`).toBe(origin);
        }
      }
      if (reference.endsWith('.js'))
        expect(asset.headers.get('content-type'), reference).toMatch(/javascript/);
    }
    // No absolute address of another host anywhere in the page.
    for (const absolute of html.match(/https?:\/\/[^\s"'<>)]+/g) ?? []) {
      expect(new URL(absolute).origin, absolute).toBe(origin);
    }
  });

  // Needs a browser; `apt-get install chromium` brings one, with nothing downloaded at run time.
  it.skipIf(!chromium)('renders in a headless browser under its content security policy', async () => {
    const { stdout, stderr } = await promisify(execFile)(
      chromium ?? '',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--enable-logging=stderr',
        '--virtual-time-budget=8000',
        '--dump-dom',
        server.url,
      ],
      { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
    );
    expect(stdout).toContain('graphiql-container');
    expect(stdout).not.toContain('Loading GraphiQL');
    // A blocked script, style or request would say so in the console.
    expect(stderr).not.toMatch(/Refused to|net::ERR_/);
  });

  it('leaves API requests to the API: a GET without text/html, and a GET with a query', async () => {
    const noPage = await fetch(server.url, { headers: { accept: 'application/json' } });
    expect(noPage.headers.get('content-type')).not.toMatch(/^text\/html/);
    const query = await fetch(`${server.url}?query=${encodeURIComponent('{ me { role } }')}`, {
      headers: { accept: 'text/html, application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await query.json()).toEqual({ data: { me: { role: 'PUBLIC' } } });
    const unknown = await fetch(server.url.replace('/graphql', '/graphiql/nope.js'));
    expect(unknown.status).toBe(404);
  });

  it('refuses a 2 MB body on a kept-alive connection with 413 and Connection: close; the next request works', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const warm = await send(agent, server.port, JSON.stringify({ query: '{ me { role } }' }));
      expect(warm.status).toBe(200);

      const big = JSON.stringify({ query: `{ me { role } } #${'x'.repeat(2 * 1024 * 1024)}` });
      const refused = await send(agent, server.port, big);
      expect(refused.status).toBe(413);
      expect(refused.headers.connection).toBe('close');
      expect(JSON.parse(refused.body).errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');

      const next = await send(agent, server.port, JSON.stringify({ query: '{ me { role } }' }));
      expect(next.status).toBe(200);
      expect(JSON.parse(next.body)).toEqual({ data: { me: { role: 'PUBLIC' } } });
      // And through fetch's own connection pool as well.
      expect((await postGraphQL(server.url, '{ me { role } }')).body.data).toEqual({
        me: { role: 'PUBLIC' },
      });
    } finally {
      agent.destroy();
    }
  });
});
