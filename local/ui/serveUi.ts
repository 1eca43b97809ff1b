// The web console at /ui: a few static files, with the browser code bundled from local/ui/app by esbuild on the first
// request and kept in memory (no build output on disk, nothing fetched from a CDN). The console talks only to the
// Kafka Connect REST API of the same origin, so standalone mode and `sluice proxy` both mount this handler in front
// of the API.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type ConsoleAssets, bundleConsole } from './bundleConsole.js';

/** Where the console lives; everything else belongs to the API. */
export const UI_PATH = '/ui';

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // Only this origin's script, style and API: no inline script, no third party, no framing.
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

let assets: Promise<ConsoleAssets> | undefined;

/** The bundle, built once per process; a failed build is retried on the next request. */
function consoleAssets(): Promise<ConsoleAssets> {
  assets ??= bundleConsole().catch((e: unknown) => {
    assets = undefined;
    throw e;
  });
  return assets;
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array, head: boolean, extra: Record<string, string> = {}): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(bytes.length), ...extra });
  res.end(head ? undefined : bytes);
}

/**
 * Serves GET/HEAD /ui, /ui/, /ui/app.js and /ui/app.css; resolves false (and leaves `res` alone) for any other
 * path, so the caller passes the request on to the API.
 */
export async function serveUi(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const target = req.url ?? '/';
  const path = target.split('?', 1)[0]!;
  if (path !== UI_PATH && !path.startsWith(`${UI_PATH}/`)) return false;
  const method = (req.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed', false, { Allow: 'GET, HEAD' });
    return true;
  }
  const head = method === 'HEAD';
  // The page's assets and API calls are relative to /ui/: a relative Location keeps a path prefix a proxy may add.
  if (path === UI_PATH) {
    send(res, 302, 'text/plain; charset=utf-8', '', head, { Location: 'ui/' });
    return true;
  }
  const file = path.slice(UI_PATH.length + 1);
  if (file !== '' && file !== 'index.html' && file !== 'app.js' && file !== 'app.css') {
    send(res, 404, 'text/plain; charset=utf-8', 'Not found', head);
    return true;
  }
  let bundle: ConsoleAssets;
  try {
    bundle = await consoleAssets();
  } catch (e) {
    send(res, 500, 'text/plain; charset=utf-8', `The console could not be built: ${e instanceof Error ? e.message : String(e)}`, head);
    return true;
  }
  if (file === 'app.js') send(res, 200, 'text/javascript; charset=utf-8', bundle.js, head);
  else if (file === 'app.css') send(res, 200, 'text/css; charset=utf-8', bundle.css, head);
  else send(res, 200, 'text/html; charset=utf-8', bundle.html, head);
  return true;
}

/** `api` with the console mounted in front of it at /ui. */
export function withConsole(api: RequestListener): RequestListener {
  return (req, res) => {
    serveUi(req, res).then(
      (handled) => {
        if (!handled) api(req, res);
      },
      () => {
        if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal server error', false);
        else res.destroy();
      },
    );
  };
}
