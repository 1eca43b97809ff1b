// The console's HTTP side: what /ui serves (the real bundle), and that every other path still reaches the API.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withConsole } from '../../../local/ui/serveUi.js';

let server: Server;
let base: string;

beforeAll(async () => {
  // The API side answers with the path it was given, so the test sees which requests passed through.
  server = createServer(withConsole((req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`api ${req.method} ${req.url}`)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = (path: string, method = 'GET') => fetch(`${base}${path}`, { method, redirect: 'manual' });

describe('serveUi', () => {
  it('redirects /ui to ui/, relative, so that a proxy’s path prefix is kept', async () => {
    const r = await get('/ui?x=1');
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe('ui/');
  });

  it('serves the page, its script and its style sheet, with a policy that allows only this origin', async () => {
    // Act
    const page = await get('/ui/');
    const html = await page.text();
    const script = await get('/ui/app.js');
    const js = await script.text();
    const style = await get('/ui/app.css');
    // Assess
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(html).toContain('<script type="module" src="app.js"></script>');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js).toContain('/connectors?expand=status&expand=info');
    expect(js).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await style.text()).toContain('.state-failed');
  });

  it('answers HEAD without a body, 404 for an unknown file and 405 for a write', async () => {
    const head = await get('/ui/app.js', 'HEAD');
    const missing = await get('/ui/secrets.json');
    const post = await get('/ui/', 'POST');
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(1000);
    expect(await head.text()).toBe('');
    expect(missing.status).toBe(404);
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('passes every other path to the API, including ones that merely start with "ui"', async () => {
    expect(await (await get('/connectors?expand=status')).text()).toBe('api GET /connectors?expand=status');
    expect(await (await get('/uix')).text()).toBe('api GET /uix');
    expect(await (await get('/connectors/ui', 'DELETE')).text()).toBe('api DELETE /connectors/ui');
  });
});
